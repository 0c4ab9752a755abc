using CourseBot.Core.Curriculum;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Functions.Functions;
using CourseBot.Tests.Curriculum;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CourseBot.Tests.Hosts;

/// <summary>The Functions host cannot run here (no Functions Core Tools): its function classes are tested directly.</summary>
public sealed class CurriculumFunctionTests
{
    [Fact]
    public void Run_ReturnsTheCourseSummary()
    {
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;
        var result = new CurriculumFunction(course).Run(new DefaultHttpContext().Request);
        var summary = Assert.IsType<CourseSummary>(Assert.IsType<JsonResult>(result).Value);
        Assert.Equal((45, 458), (summary.Modules, summary.ModuleQuizQuestions));
    }

    [Fact]
    public void LoadCourse_InvalidCurriculum_FailsStartWithEveryProblem()
    {
        using var fixture = new CurriculumFixture().Edit("modules/01-first/module.yml", "title: First Steps\n", "");
        var error = Assert.Throws<InvalidOperationException>(() => ValidCourse.Load(fixture.Root));
        Assert.Contains(
            "curriculum/modules/01-first/module.yml:1:1: error: title: missing required field",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void HostJson_IsCopiedIntoTheFunctionsOutput()
    {
        var functionsOutput = Path.GetDirectoryName(typeof(CurriculumFunction).Assembly.Location)!;
        Assert.True(File.Exists(Path.Combine(functionsOutput, "host.json")));
        Assert.True(File.Exists(Path.Combine(functionsOutput, "curriculum", "course.yml")));
    }
}
