using System.Text.Json.Nodes;
using CourseBot.Core.LabGrading;

namespace CourseBot.Bench;

/// <summary>
/// A grading run's result for a lab as the Action posts it: one entry per check of the lab's <c>lab.yml</c>, a celery check
/// split into 2-point tests so a run can score part of it; the first points of the maximum are passed.
/// </summary>
internal static class GradeResultBody
{
    public static string For(LabRules rules, string lab, string sha, double points)
    {
        var tests = new JsonArray();
        var left = points;
        foreach (var check in rules.Checks)
        {
            var parts = check.Kind == "celery" ? Math.Max(1, (int)(check.Points / 2)) : 1;
            for (var i = 0; i < parts; i++)
            {
                var max = check.Points / parts;
                var score = Math.Min(max, Math.Max(0, left));
                left -= score;
                tests.Add(new JsonObject
                {
                    ["name"] = parts == 1 ? check.Name : $"{check.Name}: part {i + 1}",
                    ["kind"] = check.Kind,
                    ["status"] = score >= max ? "passed" : "failed",
                    ["score"] = score,
                    ["max_score"] = max,
                    ["duration_ms"] = 900,
                });
            }
        }

        return new JsonObject
        {
            ["version"] = 1, ["lab"] = lab, ["sha"] = sha, ["status"] = points >= rules.MaxScore ? "passed" : "failed",
            ["score"] = points, ["max_score"] = rules.MaxScore, ["passed"] = points >= rules.MaxScore, ["isolated"] = true,
            ["notes"] = new JsonArray(), ["tests"] = tests,
        }.ToJsonString();
    }
}
