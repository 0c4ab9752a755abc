using System.Text.Json.Serialization;

namespace CourseBot.Core.Telemetry;

/// <summary>
/// The <c>/readyz</c> body: <c>ready</c> or <c>not ready</c>, the names of the dependencies that failed (so a
/// person or a script sees at once what to fix) and every check with its detail. 200 when ready, else 503.
/// </summary>
public sealed record ReadinessReport(string Status, IReadOnlyList<string> Failed, IReadOnlyList<ReadinessCheck> Checks)
{
    [JsonIgnore]
    public bool Ready => Failed.Count == 0;

    /// <summary>The HTTP status both hosts answer with.</summary>
    [JsonIgnore]
    public int HttpStatus => Ready ? 200 : 503;

    public static ReadinessReport Of(params ReadinessCheck[] checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var failed = checks.Where(c => !c.Ok).Select(c => c.Name).ToArray();
        return new ReadinessReport(failed.Length == 0 ? "ready" : "not ready", failed, checks);
    }
}
