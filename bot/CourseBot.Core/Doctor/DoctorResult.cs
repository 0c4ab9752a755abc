namespace CourseBot.Core.Doctor;

/// <summary>One check: what was checked, its outcome, and what was found (for a failure: what to fix).</summary>
public sealed record DoctorResult(string Check, DoctorStatus Status, string Message)
{
    public static DoctorResult Ok(string check, string message) => new(check, DoctorStatus.Ok, message);

    public static DoctorResult Fail(string check, string message) => new(check, DoctorStatus.Fail, message);

    public static DoctorResult Skipped(string check, string message) => new(check, DoctorStatus.Skipped, message);
}
