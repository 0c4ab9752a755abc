using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Journey;

public sealed class ProgressCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Enrollment Learner = new(
        "octocat",
        "academy/celery-octocat",
        "fundamentals",
        "part-time",
        new DateOnly(2026, 12, 1),
        "winter"
    );
    private readonly List<LearnerEvent> _events = [];

    private static Course Course => CeleryCourse.Course;

    [Fact]
    public void NewLearner_HasOnlyTheFirstModuleOpen()
    {
        var progress = Calculate();
        Assert.Equal(ModuleState.Open, progress.Module("intro-distributed-processing")!.State);
        Assert.All(progress.Modules.Skip(1), m => Assert.Equal(ModuleState.Locked, m.State));
        Assert.Equal("intro-distributed-processing", progress.Current!.Module.Id);
        Assert.Equal(0, progress.Paths[0].Passed);
        Assert.Equal(12, progress.Paths[0].Total);
    }

    [Fact]
    public void Module_PassesOnlyWhenEveryRequiredAssessmentIsDone()
    {
        Quiz("intro-distributed-processing/quiz", 90);
        Approve("intro-distributed-processing/docker-environment-exercise");
        Assert.Equal(ModuleState.InProgress, Calculate().Module("intro-distributed-processing")!.State);

        Approve("intro-distributed-processing/async-use-cases-check");
        var progress = Calculate();
        Assert.Equal(ModuleState.Passed, progress.Module("intro-distributed-processing")!.State);
        Assert.Equal(ModuleState.Open, progress.Module("first-celery-app")!.State);
        Assert.Equal("first-celery-app", progress.Current!.Module.Id);
    }

    [Fact]
    public void Quiz_BelowEightyPercent_DoesNotPass_ButABetterRetakeDoes()
    {
        PassModuleOne();
        Quiz("first-celery-app/quiz", 75);
        Lab("first-celery-app/first-app-lab", 7, 7, passed: true);
        Lab("first-celery-app/sync-async-exercise", 5, 5, passed: true);
        var module = Calculate().Module("first-celery-app")!;
        Assert.Equal(ModuleState.InProgress, module.State);
        Assert.Equal(75, module.QuizPercent);

        Quiz("first-celery-app/quiz", 87.5);
        module = Calculate().Module("first-celery-app")!;
        Assert.Equal(ModuleState.Passed, module.State);
        Assert.Equal(87.5, module.QuizPercent);
        Assert.Equal((12.0, 12.0), module.LabScore);
    }

    [Fact]
    public void LateQuiz_IsRecordedButNotCounted()
    {
        PassModuleOne();
        Add("first-celery-app/quiz", Submitted(100) with { Counted = false, Late = true });
        var quiz = Calculate().Module("first-celery-app")!.Find("quiz")!;
        Assert.False(quiz.Done);
        Assert.Null(quiz.Percent);
    }

    [Fact]
    public void FailingLabRuns_KeepTheBestScore_AndDoNotPass()
    {
        PassModuleOne();
        Lab("first-celery-app/first-app-lab", 3, 7, passed: false);
        Lab("first-celery-app/first-app-lab", 5, 7, passed: false);
        Lab("first-celery-app/first-app-lab", 1, 7, passed: false);
        var lab = Calculate().Module("first-celery-app")!.Find("first-app-lab")!;
        Assert.False(lab.Done);
        Assert.Equal(5, lab.Score);
        Assert.Equal(3, lab.Attempts);
    }

    [Fact]
    public void EventOrder_DoesNotChangeTheResult()
    {
        PassModuleOne();
        Quiz("first-celery-app/quiz", 90);
        Lab("first-celery-app/first-app-lab", 7, 7, passed: true);
        Lab("first-celery-app/sync-async-exercise", 5, 5, passed: true);
        var forward = Calculate();
        _events.Reverse();
        var backward = Calculate();
        Assert.Equal(forward.Modules.Select(m => m.State), backward.Modules.Select(m => m.State));
        Assert.Equal(2, backward.Paths[0].Passed);
    }

    [Fact]
    public void LaterPath_IsLockedUntilPlacement_ForALearnerWhoStartsThere()
    {
        var professional = Learner with { PathId = "professional" };
        var progress = ProgressCalculator.Calculate(Course, professional, _events);
        Assert.Equal("canvas-patterns", progress.Modules[0].Module.Id);
        Assert.All(progress.Modules, m => Assert.Equal(ModuleState.Locked, m.State));
        Assert.Equal("professional", progress.PendingPlacement?.Id);
        Assert.DoesNotContain(progress.Modules, m => m.Module.Path == "fundamentals");

        Add("professional", new Placed("placement quiz", null, null, null));
        progress = ProgressCalculator.Calculate(Course, professional, _events);
        Assert.Equal(ModuleState.Open, progress.Modules[0].State);
        Assert.Null(progress.PendingPlacement);

        // Path 3 opens through its alternative only with a recorded placement.
        Assert.Equal(ModuleState.Locked, progress.Module("production-architecture")!.State);
        Add("expert", new Placed("instructor", null, null, null));
        progress = ProgressCalculator.Calculate(Course, professional, _events);
        Assert.Equal(ModuleState.Open, progress.Module("production-architecture")!.State);
    }

    [Fact]
    public void CompletingPathOne_EarnsTheCertificateOfCompletion_AndOpensPathTwo()
    {
        foreach (var id in Course.FindPath("fundamentals")!.Modules)
        {
            PassEverything(Course.FindModule(id)!);
        }

        // Every module passed, no peer review given yet (passing.path.peer_review: required): not complete, no certificate.
        var progress = Calculate();
        Assert.False(progress.Paths[0].Complete);
        Assert.Equal((0, 1), (progress.Paths[0].PeerReviewsGiven, progress.Paths[0].PeerReviewsRequired));
        Assert.Empty(progress.Certificates);

        // A peer review of another path's capstone does not count for this one.
        Add("capstone-data-pipeline", new PeerReviewGiven("academy/celery-bob", 4, 7003, T0, null));
        Assert.False(Calculate().Paths[0].Complete);
        Add("capstone-background-processing", new PeerReviewGiven("academy/celery-bob", 3, 7001, T0, null));
        progress = Calculate();
        Assert.True(progress.Paths[0].Complete);
        var certificate = Assert.Single(progress.Certificates);
        Assert.Equal("completion-fundamentals", certificate.Key);
        Assert.Equal(ModuleState.Open, progress.Module("canvas-patterns")!.State);
    }

    [Fact]
    public void SpecializationPath_NeedsOneWholeTrack_ThenItsIntegrationModule()
    {
        var specialist = Learner with { PathId = "specialization" };
        Add("specialization", new Placed(null, null, null, null));
        Assert.Equal(ModuleState.Open, ProgressCalculator.Calculate(Course, specialist, _events).Module("django-integration")!.State);
        foreach (var id in Course.FindTrack("django")!.Modules)
        {
            PassEverything(Course.FindModule(id)!);
        }

        var progress = ProgressCalculator.Calculate(Course, specialist, _events);
        Assert.Equal(ModuleState.Open, progress.Module("specialization-integration")!.State);
        Assert.Equal("django", Assert.Single(progress.Paths[0].CompletedTracks));
        Assert.Equal(4, progress.Paths[0].Passed);
        Assert.Equal(5, progress.Paths[0].Total);
    }

    [Fact]
    public void PartTimePace_FollowsTheMonthlySchedule()
    {
        var progress = Calculate();
        Assert.Equal(7, progress.Milestones.Length); // the seed's seven rows, from Path 1 to the end
        Assert.Equal("Month 1: modules 1-3", progress.Milestones[0].Title);
        Assert.Equal(new DateOnly(2027, 1, 1), progress.Module("brokers-and-backends")!.Due!.DueOn);
        Assert.Equal(new DateOnly(2027, 3, 1), progress.Module("course-review")!.Due!.DueOn);

        // A learner starting at Path 2 starts at that path's month of the schedule.
        var later = ProgressCalculator.Calculate(Course, Learner with { PathId = "professional" }, _events);
        Assert.Equal("Month 1: modules 13-16", later.Milestones[0].Title);
    }

    [Theory]
    [InlineData("full-time", "Week 1")]
    [InlineData("flexible", "Month 1")]
    public void OtherPaces_DateEveryModule(string pace, string first)
    {
        var progress = ProgressCalculator.Calculate(Course, Learner with { PaceId = pace }, _events);
        Assert.StartsWith(first, progress.Milestones[0].Title, StringComparison.Ordinal);
        Assert.All(progress.Modules, m => Assert.NotNull(m.Due));
        Assert.True(progress.Milestones.Max(m => m.DueOn) <= Learner.Start.AddMonths(12));
    }

    private LearnerProgress Calculate() => ProgressCalculator.Calculate(Course, Learner, _events);

    private void PassModuleOne() => PassEverything(Course.FindModule("intro-distributed-processing")!);

    private void PassEverything(Module module)
    {
        foreach (var assessment in module.Assessments)
        {
            var key = $"{module.Id}/{assessment.Id}";
            switch (assessment.Grading)
            {
                case Core.Curriculum.Model.Grading.Quiz: Quiz(key, 100); break;
                case Core.Curriculum.Model.Grading.Auto: Lab(key, 1, 1, passed: true); break;
                default: Approve(key); break;
            }
        }
    }

    private void Quiz(string key, double percent) =>
        Add(key, Submitted(percent));

    private static QuizSubmitted Submitted(double percent) =>
        new(null, null, null, null, percent, false, Counted: true, false, null, null);

    private void Lab(string key, double score, double max, bool passed) =>
        Add(key, new LabGraded(null, null, null, null, null, null, null, score, max, passed, null, null, null, null));

    private void Approve(string key) => Add(key, new ReviewApproved("mentor", null));

    private void Add(string subject, LearnerEventData data) =>
        _events.Add(new LearnerEvent(
            _events.Count + 1, Learner.Repository, data.Kind, subject, T0.AddMinutes(_events.Count), LearnerEventJson.Write(data)));
}
