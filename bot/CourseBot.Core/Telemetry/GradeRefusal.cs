namespace CourseBot.Core.Telemetry;

/// <summary>
/// Why a grading result was refused, as a metric tag: a short fixed code per refusal rule, because the refusal's
/// message names repositories, labs and commits and would give the metric one series per learner.
/// </summary>
public static class GradeRefusal
{
    public const string NotConfigured = "not_configured";
    public const string NoToken = "no_token";
    public const string TokenInvalid = "token_invalid";
    public const string KeysUnavailable = "keys_unavailable";
    public const string TooLarge = "too_large";
    public const string Malformed = "malformed";
    public const string TokenReused = "token_reused";
    public const string NotEnrolled = "not_enrolled";
    public const string LabNotOpen = "lab_not_open";
    public const string WrongCommit = "wrong_commit";
    public const string UnknownLab = "unknown_lab";
    public const string ChecksMismatch = "checks_mismatch";
}
