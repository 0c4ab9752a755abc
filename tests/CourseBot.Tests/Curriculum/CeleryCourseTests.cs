using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Validation;

namespace CourseBot.Tests.Curriculum;

/// <summary>The real course in curriculum/ validates clean and has what the seed lists.</summary>
public sealed class CeleryCourseTests
{
    private static readonly CurriculumReport Report = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum);

    [Fact]
    public void Validate_RealCurriculum_HasNoProblems()
    {
        Assert.Equal([], Report.Diagnostics.Select(d => d.ToString()));
        Assert.True(Report.IsValid);
    }

    [Fact]
    public void Summary_RealCurriculum_MatchesTheSeedsLists()
    {
        var s = Report.Summary!;
        Assert.Equal(4, s.Paths);
        Assert.Equal(3, s.Tracks);
        Assert.Equal(45, s.Modules);
        Assert.Equal(37, s.ModuleQuizzes);
        Assert.Equal(458, s.ModuleQuizQuestions);
        var exam = Assert.Single(s.Exams);
        Assert.Equal((50, 85, "course-review"), (exam.Questions, exam.PassPercent, exam.Module));
        Assert.Equal(37, s.Labs);
        Assert.Equal(37, s.Exercises);
        Assert.Equal(6, s.Capstones);
        Assert.Equal(5, s.CertificationLevels);
        Assert.Equal(3, s.Paces);
    }

    [Fact]
    public void Modules_NumberedOneToFortyFive_InPathOrder()
    {
        var course = Report.Course!;
        var ordered = course.Paths.OrderBy(p => p.Number).SelectMany(p => p.AllModules).Select(id => course.FindModule(id)!.Number);
        Assert.Equal(Enumerable.Range(1, 45), ordered);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(22)]
    [InlineData(32)]
    [InlineData(36)]
    [InlineData(40)]
    [InlineData(44)]
    [InlineData(45)]
    public void Modules_WithoutQuizInTheSeed_HaveNone(int number)
    {
        var module = Report.Course!.FindModule(number.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Empty(module.OfKind(AssessmentKind.Quiz));
    }

    [Fact]
    public void Module3_HasTwoLabs()
    {
        var module = Report.Course!.FindModule("brokers-and-backends")!;
        Assert.Equal(2, module.OfKind(AssessmentKind.Lab).Count());
    }

    [Fact]
    public void Capstones_AreInTheSeedsModules()
    {
        var capstones = Report.Course!.Modules.Where(m => m.Capstone is not null).Select(m => (m.Number, m.Capstone!.Number));
        Assert.Equal([(11, 1), (22, 2), (32, 3), (36, 4), (40, 5), (44, 6)], capstones);
    }

    [Fact]
    public void PathPrerequisites_ModelTheEquivalentKnowledgeAlternative()
    {
        var course = Report.Course!;
        Assert.All(course.Paths.Where(p => p.Number > 1), p =>
        {
            Assert.Single(p.Prerequisites.Paths);
            Assert.NotNull(p.Prerequisites.Alternative);
        });
    }

    [Fact]
    public void Certifications_FollowTheSeed()
    {
        var c = Report.Course!.Certifications.ToDictionary(x => x.Id);
        Assert.True(c["completion"].PerPath);
        Assert.Equal(["fundamentals", "professional"], c["professional"].Paths.ToArray());
        Assert.Equal(["fundamentals", "professional", "expert"], c["expert"].Paths.ToArray());
        Assert.Equal(2, c["master"].MinTracks);
        Assert.Equal(3, c["architect"].Tracks.Length);
    }
}
