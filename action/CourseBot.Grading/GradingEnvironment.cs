namespace CourseBot.Grading;

/// <summary>
/// Where the lab's services are and which interpreter runs hidden tests. The grading workflow
/// provides Redis as a service container on the default port; tests start their own.
/// </summary>
public sealed record GradingEnvironment
{
    public string BrokerUrl { get; init; } = "redis://127.0.0.1:6379/0";

    public string BackendUrl { get; init; } = "redis://127.0.0.1:6379/1";

    /// <summary>Debian's interpreter, which sees Debian's Celery and pytest (a pyenv python3 on PATH would not).</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    /// <summary>
    /// The <c>COURSEBOT_SEED</c> every check and hidden test of a lab gets, fixed to reproduce a run (the seed a result's
    /// notes report); null draws a fresh one for each lab graded, so randomised inputs differ from run to run.
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>The environment variable hidden tests and checks read their seed from (and the grader reads a fixed one from).</summary>
    public const string SeedVariable = "COURSEBOT_SEED";

    /// <summary><paramref name="text"/> as a fixed seed: a non-negative decimal integer; null when empty.</summary>
    public static int? ParseSeed(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seed)
            ? seed
        : throw new ArgumentException($"{SeedVariable} must be a non-negative decimal integer, not '{text}'");
}
