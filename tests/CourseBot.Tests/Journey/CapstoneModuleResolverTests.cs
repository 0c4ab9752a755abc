using System.Text.Json.Nodes;
using CourseBot.Core.Journey.Capstones;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Journey;

/// <summary>Which capstone a pull request is for: the templates' marker, the title, the branch, or the only open capstone.</summary>
public sealed class CapstoneModuleResolverTests
{
    private static readonly Core.Curriculum.Model.Course Course = CeleryCourse.Course;

    [Fact]
    public void EveryCapstoneTemplate_CarriesTheMarkerOfItsModule()
    {
        foreach (var module in Course.Modules.Where(m => m.Capstone is not null))
        {
            var template = File.ReadAllText(Path.Combine(RepositoryPaths.Root, module.Capstone!.PullRequestTemplate!));
            Assert.StartsWith(CapstoneModuleResolver.MarkerFor(module) + "\n", template, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rules_InOrder_AndOnlyUnlockedCapstonesAnswer()
    {
        var progress = PassedUpTo(11);
        var first = Course.FindModule("capstone-background-processing")!;
        Assert.Same(first, CapstoneModuleResolver.Resolve(Course, progress, CapstoneModuleResolver.MarkerFor(first), "anything", "main"));
        Assert.Same(first, CapstoneModuleResolver.Resolve(Course, progress, null, "Capstone 1: my system", "work"));
        Assert.Same(first, CapstoneModuleResolver.Resolve(Course, progress, null, "My system", "capstone-1"));
        Assert.Same(first, CapstoneModuleResolver.Resolve(Course, progress, null, "My system", "feature/capstone-background-processing"));
        Assert.Same(first, CapstoneModuleResolver.Resolve(Course, progress, "no marker", "My system", "work")); // the only open capstone

        // Capstone 2 (module 22) is locked: naming it is not enough.
        Assert.Null(CapstoneModuleResolver.Resolve(Course, progress, "<!-- coursebot:capstone capstone-data-pipeline -->", "x", "y"));
        Assert.Null(CapstoneModuleResolver.Resolve(Course, progress, null, "Capstone 2: pipeline", "y"));
        Assert.Null(CapstoneModuleResolver.Resolve(Course, PassedUpTo(5), "no marker", "My system", "work"));
    }

    /// <summary>A path 1 learner with every assessment of modules before <paramref name="number"/> approved or passed.</summary>
    private static LearnerProgress PassedUpTo(int number)
    {
        var at = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        var events = Course.Modules.Where(m => m.Path == "fundamentals" && m.Number < number)
            .SelectMany(m => m.Assessments.Select(a => (m, a)))
            .Select(
                (x, i) =>
                    x.a.Grading switch
                    {
                        Core.Curriculum.Model.Grading.Quiz => Event(
                            i,
                            LearnerEventKinds.QuizSubmitted,
                            x.m.Id,
                            x.a.Id,
                            new JsonObject { ["counted"] = true, ["percent"] = 100 },
                            at
                        ),
                        Core.Curriculum.Model.Grading.Auto => Event(
                            i,
                            LearnerEventKinds.LabGraded,
                            x.m.Id,
                            x.a.Id,
                            new JsonObject
                            {
                                ["score"] = 1,
                                ["max_score"] = 1,
                                ["passed"] = true,
                            },
                            at
                        ),
                        _ => Event(i, LearnerEventKinds.ReviewApproved, x.m.Id, x.a.Id, [], at),
                    }
            )
            .ToList();
        return ProgressCalculator.Calculate(
            Course,
            new Enrollment("ada", "academy/celery-ada", "fundamentals", "part-time", new DateOnly(2026, 12, 1), null),
            events
        );
    }

    private static LearnerEvent Event(int sequence, string kind, string module, string assessment, JsonObject data, DateTimeOffset at) =>
        new(sequence, "academy/celery-ada", kind, $"{module}/{assessment}", at, data.ToJsonString());
}
