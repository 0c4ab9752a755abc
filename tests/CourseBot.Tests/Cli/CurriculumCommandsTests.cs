using System.Text.Json;
using CourseBot.Cli.Commands;
using CourseBot.Tests.Curriculum;

namespace CourseBot.Tests.Cli;

public sealed class CurriculumCommandsTests
{
    [Fact]
    public void Validate_RealCurriculum_ExitsZeroAndReportsCounts()
    {
        var output = new StringWriter();
        var exit = CurriculumCommands.Validate(RepositoryPaths.Curriculum, "text", output);
        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("4 paths, 3 tracks, 45 modules", text, StringComparison.Ordinal);
        Assert.Contains("37 module quizzes declaring 458 questions", text, StringComparison.Ordinal);
        Assert.Contains("exam 'Final comprehensive exam' (course-review): 50 questions, pass at 85 %", text, StringComparison.Ordinal);
        Assert.Contains("6 capstones", text, StringComparison.Ordinal);
        Assert.Contains("5 certification levels", text, StringComparison.Ordinal);
        Assert.EndsWith("Valid: no problems found." + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenCurriculum_ExitsOneAndListsEveryError()
    {
        using var fixture = new CurriculumFixture()
            .Edit("modules/01-first/module.yml", "title: First Steps\n", "")
            .Edit("modules/01-first/module.yml", "prerequisites:\n  knowledge: [Python basics]", "prerequisites:\n  modules: [second]")
            .Edit("modules/01-first/module.yml", "hours: 5-10\n", "hours: 5-10\nhomework: none\n");
        var output = new StringWriter();
        var exit = CurriculumCommands.Validate(fixture.Root, "text", output);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Equal(3, lines.Count(l => l.Contains(": error: ", StringComparison.Ordinal)));
        Assert.Equal("Invalid: 3 errors.", lines[^1]);
    }

    [Fact]
    public void Validate_JsonFormat_CarriesSummaryAndLocatedErrors()
    {
        using var fixture = new CurriculumFixture().Edit("modules/01-first/module.yml", "title: First Steps\n", "");
        var output = new StringWriter();
        var exit = CurriculumCommands.Validate(fixture.Root, "json", output);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(1, exit);
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(4, root.GetProperty("summary").GetProperty("modules").GetInt32());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal("curriculum/modules/01-first/module.yml", error.GetProperty("file").GetString());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Equal("title", error.GetProperty("field").GetString());
        Assert.Equal("missing required field (expected text)", error.GetProperty("message").GetString());
    }

    [Fact]
    public void Validate_MissingFolder_ExitsOne()
    {
        var output = new StringWriter();
        Assert.Equal(
            1,
            CurriculumCommands.Validate(Path.Combine(Path.GetTempPath(), "no-such-curriculum-" + Guid.NewGuid()), "text", output)
        );
        Assert.Contains("curriculum folder not found", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_NoModule_PrintsTableOfAllModules()
    {
        var output = new StringWriter();
        Assert.Equal(0, CurriculumCommands.Show(RepositoryPaths.Curriculum, null, output, TextWriter.Null));
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(47, lines.Length); // header, rule, 45 modules
        Assert.StartsWith("#   module", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l =>
            l.StartsWith("12  course-review", StringComparison.Ordinal) && l.Contains("exam 50q", StringComparison.Ordinal)
        );
        Assert.Contains(lines, l =>
            l.StartsWith("3   brokers-and-backends", StringComparison.Ordinal)
            && l.Contains("quiz 12q, 2 labs, 1 exercise", StringComparison.Ordinal)
        );
        Assert.Contains(lines, l =>
            l.StartsWith("33  django-integration", StringComparison.Ordinal)
            && l.Contains("4A Django Integration Mastery", StringComparison.Ordinal)
        );
    }

    [Theory]
    [InlineData("1")]
    [InlineData("intro-distributed-processing")]
    public void Show_Module_ByNumberOrId_PrintsDetails(string reference)
    {
        var output = new StringWriter();
        Assert.Equal(0, CurriculumCommands.Show(RepositoryPaths.Curriculum, reference, output, TextWriter.Null));
        var text = output.ToString();
        Assert.StartsWith(
            "Module 1: Introduction to Distributed Task Processing  [intro-distributed-processing]",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains("Duration:  1 week (10-15 hours)", text, StringComparison.Ordinal);
        Assert.Contains("quiz: Distributed processing concepts [quiz; graded quiz, 10 questions, 20 min]", text, StringComparison.Ordinal);
        Assert.Contains("celery:docs/getting-started/introduction.rst", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownModule_ExitsOneWithHint()
    {
        var error = new StringWriter();
        Assert.Equal(1, CurriculumCommands.Show(RepositoryPaths.Curriculum, "99", TextWriter.Null, error));
        Assert.Equal(
            "No module '99'. Give a number (1-45) or an id such as 'intro-distributed-processing'." + Environment.NewLine,
            error.ToString()
        );
    }
}
