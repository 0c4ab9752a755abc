using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;

namespace CourseBot.Core.Journey.Writing;

/// <summary>
/// The one bot comment per module that shows the latest graded run of each lab: a table of checks,
/// points and messages. Grader messages can quote learner output, so every cell is escaped.
/// </summary>
public static class ResultsCommentWriter
{
    public const string Marker = "<!-- coursebot:results -->";

    /// <param name="module">The module.</param>
    /// <param name="latest">Latest accepted result per lab key (<c>module/lab</c>): the recorded event data.</param>
    /// <param name="repositoryUrl">The learner repository's web address, for run and commit links.</param>
    public static string Write(Module module, IReadOnlyDictionary<string, LabGraded> latest, string repositoryUrl)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(latest);
        var body = new StringBuilder();
        body.Append(Marker).Append('\n');
        body.Append(CultureInfo.InvariantCulture, $"## Results for module {module.Number:00}\n\n");
        foreach (var assessment in module.Assessments.Where(a => a.Grading == Grading.Auto))
        {
            var key = $"{module.Id}/{assessment.Id}";
            if (!latest.TryGetValue(key, out var run))
            {
                body.Append(
                    CultureInfo.InvariantCulture,
                    $"### {MarkdownText.Escape(assessment.Title)}\n\nNot graded yet: push your work in "
                    + $"`labs/{module.Id}/{assessment.Id}/`.\n\n"
                );
                continue;
            }

            var passed = run.Passed;
            var sha = run.Sha ?? "";
            var shortSha = sha.Length >= 7 ? sha[..7] : sha;
            var verdict = passed ? "✅" : "❌";
            var title = MarkdownText.Escape(assessment.Title);
            body.Append(CultureInfo.InvariantCulture, $"### {verdict} {title}: {Number(run.Score)} / {Number(run.MaxScore)}\n\n");
            var commit = $"{repositoryUrl}/commit/{Uri.EscapeDataString(sha)}";
            var runLink = $"{repositoryUrl}/actions/runs/{Uri.EscapeDataString(run.RunId ?? "")}";
            body.Append(CultureInfo.InvariantCulture, $"Commit [`{MarkdownText.Cell(shortSha)}`]({commit}) · [grading run]({runLink})");
            if (run.Isolated == false)
            {
                body.Append(" · ⚠️ not isolated (local grading)");
            }

            body.Append("\n\n| Check | Points | Message |\n|---|---|---|\n");
            foreach (var test in run.Result?["tests"]?.AsArray() ?? [])
            {
                var status = (string?)test?["status"];
                var icon = status == "passed" ? "✅" : status == "timeout" ? "⏱️" : "❌";
                var kind = (string?)test?["kind"] == "white-box" ? " (white-box)" : "";
                var message = status == "passed" ? "" : (string?)test?["message"] ?? (string?)test?["hint"] ?? status ?? "";
                if (status != "passed" && (string?)test?["hint"] is { } hint && !message.Contains(hint, StringComparison.Ordinal))
                {
                    message += " Hint: " + hint;
                }

                body.Append(
                    CultureInfo.InvariantCulture,
                    $"| {icon} {MarkdownText.Cell((string?)test?["name"], 80)}{kind} | {Number(test?["score"])} / "
                    + $"{Number(test?["max_score"])} | {MarkdownText.Cell(message, 300)} |\n"
                );
            }

            body.Append(passed ? "\nPassed. " : "\nNot passed yet: fix what the table shows and push again. ");
            body.Append("The job summary of the grading run has the details.\n\n");
        }

        return body.ToString();
    }

    private static string Number(double? number) => number?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";

    private static string Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString("0.##", CultureInfo.InvariantCulture) : "?";
}
