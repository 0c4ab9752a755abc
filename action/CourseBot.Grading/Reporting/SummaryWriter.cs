using System.Globalization;
using System.Net;
using System.Text;

namespace CourseBot.Grading.Reporting;

/// <summary>
/// Writes the job summary a learner reads: the score, a table of checks, what failed and why, and
/// how to run the same grading locally. Learner output is HTML-encoded inside fenced blocks, and
/// the whole summary stays under GitHub's 1 MiB per step.
/// </summary>
public static class SummaryWriter
{
    public const int MaxBytes = 1_000_000;
    private const int OutputPerTest = 4_000;

    public static string Write(GradeResult result, string title)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = Render(result, title, OutputPerTest);
        // Large outputs shrink first; the table and messages always fit.
        for (
            var perTest = OutputPerTest / 4;
            Encoding.UTF8.GetByteCount(text) > MaxBytes && perTest >= 0;
            perTest = perTest > 0 ? perTest / 4 : -1
        )
        {
            text = Render(result, title, perTest);
        }

        return text;
    }

    private static string Render(GradeResult result, string title, int outputPerTest)
    {
        var md = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        md.Append(invariant, $"## {(result.Passed ? "✅" : "❌")} {Encode(title)}: {result.Score:0.##} / {result.MaxScore:0.##} points\n\n");
        md.Append(result.Passed ? "You passed this lab.\n\n" : "Not passed yet: fix the failing checks below and push again.\n\n");
        md.Append("| Check | Kind | Result | Points | Time |\n|---|---|---|---|---|\n");
        foreach (var test in result.Tests)
        {
            md.Append(
                invariant,
                $"| {Cell(test.Name)} | {Kind(test.Kind)} | {Icon(test.Status)} {test.Status} | {test.Score:0.##} / {test.MaxScore:0.##} | "
                + $"{test.DurationMs} ms |\n"
            );
        }

        var failures = result.Tests.Where(t => t.Status != TestStatus.Passed).Take(100).ToList();
        if (failures.Count > 0)
        {
            md.Append("\n### What to fix\n\n");
            foreach (var test in failures)
            {
                md.Append(
                    invariant,
                    $"**{Encode(test.Name)}**"
                        + $"{(test.File is null ? "" : $" (`{Encode(test.File)}`{(test.Line is null ? "" : $" line {test.Line}")})")}"
                        + $": {Encode(test.Message ?? test.Status)}\n\n"
                );
                if (test.Hint is not null)
                {
                    md.Append(invariant, $"> Hint: {Encode(test.Hint)}\n\n");
                }

                if (test.Output is { Length: > 0 } output && outputPerTest > 0)
                {
                    var shown =
                        output.Length > outputPerTest
                            ? output[..outputPerTest] + $"\n[... {output.Length - outputPerTest:N0} more characters]"
                            : output;
                    md.Append("<details><summary>Output</summary>\n\n<pre>")
                        .Append(WebUtility.HtmlEncode(shown))
                        .Append("</pre>\n\n</details>\n\n");
                }
            }
        }

        if (result.Tests.Any(t => t.Kind == "white-box"))
        {
            md.Append(
                "\n*White-box* checks import your code to judge its structure; they run as the learner user and count as the course says.\n"
            );
        }

        foreach (var note in result.Notes)
        {
            md.Append(invariant, $"\n> **Note:** {Encode(note)}\n");
        }

        md.Append(
            invariant,
            $"\n<sub>Run the same grading on your machine: `coursebot grade --lab {result.Lab}` in your repository.</sub>\n"
        );
        return md.ToString();
    }

    private static string Kind(string kind) => kind == "white-box" ? "*white-box*" : kind;

    private static string Icon(string status) => status switch
    {
        TestStatus.Passed => "✅",
        TestStatus.Timeout => "⏱️",
        TestStatus.Error => "⚠️",
        _ => "❌",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", " ", StringComparison.Ordinal);

    private static string Cell(string text) => Encode(text).Replace("|", "\\|", StringComparison.Ordinal);
}
