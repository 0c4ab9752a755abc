using System.Text.Json.Nodes;
using CourseBot.Core.Oidc;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// The <c>lab-graded</c> event's data: the run, the bot's own score, and the result as sent. The
/// learner-facing views read <c>score</c>, <c>max_score</c>, <c>passed</c> and each test's name,
/// status, points and message; a test's <c>detail</c> (a full traceback) stays in the record for
/// instructors and is never rendered for the learner.
/// </summary>
public static class GradeRecord
{
    public static JsonObject Of(ActionsRunClaims run, ReportedResult result, ScoredResult scored)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scored);
        var sent = result.Body.DeepClone().AsObject();
        // What the run claimed is kept for audit, but the copy the views read carries the bot's numbers.
        var claimed = new JsonObject
        {
            ["score"] = sent["score"]?.DeepClone(),
            ["max_score"] = sent["max_score"]?.DeepClone(),
            ["passed"] = sent["passed"]?.DeepClone(),
        };
        sent["score"] = scored.Score;
        sent["max_score"] = scored.MaxScore;
        sent["passed"] = scored.Passed;
        sent["status"] = scored.Passed ? "passed" : "failed";
        return new JsonObject
        {
            ["run_id"] = run.RunId,
            ["run_attempt"] = run.RunAttempt,
            ["sha"] = run.Sha,
            ["ref"] = run.Ref,
            ["workflow"] = run.JobWorkflowRef,
            ["repository_id"] = run.RepositoryId,
            ["runner_environment"] = run.RunnerEnvironment,
            ["score"] = scored.Score,
            ["max_score"] = scored.MaxScore,
            ["passed"] = scored.Passed,
            ["isolated"] = sent["isolated"]?.DeepClone(),
            ["checks"] = new JsonArray([.. scored.Checks.Select(c => (JsonNode?)new JsonObject
            {
                ["name"] = c.Name, ["kind"] = c.Kind, ["points"] = c.Points, ["score"] = c.Score, ["passed"] = c.Passed,
            })]),
            ["claimed"] = claimed,
            ["result"] = sent,
        };
    }
}
