using System.Text.Json.Nodes;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Oidc;

namespace CourseBot.Core.LabGrading;

/// <summary>The <c>lab-graded</c> event's data: the run, the bot's own score, and the result as sent.</summary>
public static class GradeRecord
{
    public static LabGraded Of(ActionsRunClaims run, ReportedResult result, ScoredResult scored)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scored);
        var sent = result.Body.DeepClone().AsObject();
        // What the run claimed is kept for audit, but the copy the views read carries the bot's numbers.
        var claimed = new ClaimedScore(sent["score"]?.DeepClone(), sent["max_score"]?.DeepClone(), sent["passed"]?.DeepClone());
        sent["score"] = scored.Score;
        sent["max_score"] = scored.MaxScore;
        sent["passed"] = scored.Passed;
        sent["status"] = scored.Passed ? "passed" : "failed";
        var checks = scored.Checks.Select(c => new LabCheck(c.Name, c.Kind, c.Points, c.Score, c.Passed)).ToList();
        bool? isolated = sent["isolated"] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;
        return new LabGraded(
            run.RunId, run.RunAttempt, run.Sha, run.Ref, run.JobWorkflowRef, run.RepositoryId, run.RunnerEnvironment,
            scored.Score, scored.MaxScore, scored.Passed, isolated, checks, claimed, sent);
    }
}
