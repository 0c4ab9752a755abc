using System.Text;

namespace CourseBot.Core.Doctor;

/// <summary>The checks' results as the CLI prints them: one line per check, then a summary; failed when any check failed.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorResult> Results)
{
    public bool Failed => Results.Any(r => r.Status != DoctorStatus.Ok);

    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var result in Results)
        {
            var status = result.Status switch
            {
                DoctorStatus.Ok => "OK  ",
                DoctorStatus.Fail => "FAIL",
                _ => "SKIP",
            };
            text.Append(status).Append("  ").Append(result.Check).Append(": ").Append(result.Message).Append('\n');
        }

        var failed = Results.Count(r => r.Status == DoctorStatus.Fail);
        var skipped = Results.Count(r => r.Status == DoctorStatus.Skipped);
        var skips = skipped > 0 ? $", {skipped} skipped" : "";
        text.Append(Failed
            ? $"{failed} of {Results.Count} checks failed{skips}: fix them, then run coursebot doctor again.\n"
            : $"All {Results.Count} checks passed.\n");
        return text.ToString();
    }
}
