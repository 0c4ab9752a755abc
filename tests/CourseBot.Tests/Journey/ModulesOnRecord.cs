using System.Text.Json.Nodes;
using CourseBot.Core.Journey;
using CourseBot.Core.Journey.History;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Journey;

/// <summary>Earlier results written straight into a learner's history, as the bot would have recorded them, then one sync.</summary>
internal static class ModulesOnRecord
{
    /// <summary>Modules 1 to 10 on record as passed (every assessment), then one sync: module 11, the first capstone, opens.</summary>
    public static Task PassModulesOneToTenAsync(JourneyHarness harness, string repository) =>
        PassModulesAsync(harness, repository, m => m.Path == "fundamentals" && m.Number < 11);

    /// <summary>The modules chosen on record as passed (every assessment), then one sync.</summary>
    public static async Task PassModulesAsync(JourneyHarness harness, string repository, Func<Core.Curriculum.Model.Module, bool> which)
    {
        foreach (var module in CeleryCourse.Course.Modules.Where(which))
        {
            foreach (var assessment in module.Assessments)
            {
                var (kind, data) = assessment.Grading switch
                {
                    Core.Curriculum.Model.Grading.Quiz => (
                        LearnerEventKinds.QuizSubmitted,
                        new JsonObject { ["counted"] = true, ["percent"] = 100 }
                    ),
                    Core.Curriculum.Model.Grading.Auto => (
                        LearnerEventKinds.LabGraded,
                        new JsonObject
                        {
                            ["score"] = 10,
                            ["max_score"] = 10,
                            ["passed"] = true,
                            ["sha"] = "seed",
                        }
                    ),
                    _ => (LearnerEventKinds.ReviewApproved, new JsonObject { ["by"] = "grace" }),
                };
                await harness.History.AppendAsync(
                    repository,
                    kind,
                    $"{module.Id}/{assessment.Id}",
                    data.ToJsonString(),
                    CancellationToken.None
                );
            }
        }

        await harness.Bot.Services.GetRequiredService<JourneyService>().SyncAsync(harness.Installation, repository, CancellationToken.None);
        await harness.IdleAsync();
    }
}
