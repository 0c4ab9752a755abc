using System.Globalization;

namespace CourseBot.Grading.Reporting;

/// <summary>The table printed to the log (and by <c>coursebot grade</c>), and the annotations for failed checks.</summary>
public static class ConsoleReport
{
    /// <summary>GitHub shows at most 10 error annotations per step.</summary>
    public const int MaxAnnotations = 10;

    /// <summary>
    /// Names, messages and notes quote learner text (worker tails, white-box reports), so the whole table is
    /// printed with workflow commands stopped, and each line quoted besides.
    /// </summary>
    public static void WriteTable(GradeResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        WorkflowCommands.WriteInert(output, inert => WriteRows(result, inert));
    }

    private static void WriteRows(GradeResult result, TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        var width = Math.Min(60, result.Tests.Select(t => t.Name.Length).DefaultIfEmpty(5).Max());
        foreach (var test in result.Tests)
        {
            var name = test.Name.Length > width ? test.Name[..(width - 1)] + "…" : test.Name;
            // Check names and messages come from the course, but messages quote learner output: quote every line.
            output.Write(
                WorkflowCommands.QuoteLines(
                    string.Create(
                        invariant,
                        $"{test.Status.ToUpperInvariant(),-8} {name.PadRight(width)}  {test.Score,6:0.##} / {test.MaxScore:0.##}  "
                        + $"{test.Kind}"
                    ),
                    "  "
                )
            );
            if (test.Status != TestStatus.Passed && test.Message is not null)
            {
                output.Write(WorkflowCommands.QuoteLines(test.Message, "      "));
            }
        }

        foreach (var note in result.Notes)
        {
            output.Write(WorkflowCommands.QuoteLines("note: " + note, "  "));
        }

        output.WriteLine(
            string.Create(invariant, $"  {(result.Passed ? "PASSED" : "NOT PASSED")}: {result.Score:0.##} / {result.MaxScore:0.##} points")
        );
    }

    public static void WriteAnnotations(GradeResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var failures = result.Tests.Where(t => t.Status != TestStatus.Passed).ToList();
        foreach (var test in failures.Take(MaxAnnotations))
        {
            var message = test.Message ?? test.Status;
            if (test.Hint is not null)
            {
                message += "\nHint: " + test.Hint;
            }

            output.WriteLine(WorkflowCommands.Annotation("error", test.Name, message, test.File, test.Line));
        }

        if (failures.Count > MaxAnnotations)
        {
            output.WriteLine(
                WorkflowCommands.Annotation(
                    "warning",
                    "More failures",
                    $"{failures.Count - MaxAnnotations} more checks failed: see the job summary."
                )
            );
        }
    }
}
