using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseBot.Core.Cohorts;

/// <summary>A cohort view as JSON (for tools): the cohort, the day, and each learner's row with the CSV's names.</summary>
public static class CohortJsonWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(CohortView cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var learners = new JsonArray();
        foreach (var l in cohort.Learners)
        {
            learners.Add(
                new JsonObject
                {
                    ["login"] = l.Login,
                    ["repository"] = l.Repository,
                    ["path"] = l.PathId,
                    ["pace"] = l.PaceId,
                    ["start"] = Day(l.Start),
                    ["current_module"] = l.CurrentModule,
                    ["due_on"] = l.DueOn is { } d ? Day(d) : null,
                    ["days_behind"] = l.DaysBehind,
                    ["last_activity"] = l.LastActivity,
                    ["modules_passed"] = l.ModulesPassed,
                    ["modules_total"] = l.ModulesTotal,
                    ["scores"] = new JsonArray(
                        [
                            .. l.Scores.Select(s =>
                                (JsonNode)
                                    new JsonObject
                                    {
                                        ["module"] = s.ModuleId,
                                        ["passed"] = s.Passed,
                                        ["quiz_percent"] = s.QuizPercent,
                                        ["lab_score"] = s.LabScore,
                                        ["lab_max"] = s.LabMax,
                                        ["lab_hidden_version"] = s.LabHiddenVersion,
                                    }
                            ),
                        ]
                    ),
                    ["capstones"] = new JsonArray(
                        [
                            .. l.Capstones.Select(c =>
                                (JsonNode)
                                    new JsonObject
                                    {
                                        ["module"] = c.ModuleId,
                                        ["state"] = c.State.ToString(),
                                        ["pull_request"] = c.PullRequest,
                                        ["url"] = c.Url,
                                        ["since"] = c.Since,
                                    }
                            ),
                        ]
                    ),
                    ["certificates"] = new JsonArray([.. l.Certificates.Select(c => (JsonNode)JsonValue.Create(c))]),
                }
            );
        }

        return new JsonObject
            {
                ["cohort"] = cohort.Name,
                ["as_of"] = Day(cohort.Today),
                ["learners"] = learners,
            }.ToJsonString(Indented) + "\n";
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
