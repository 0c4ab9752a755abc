namespace CourseBot.Core.Doctor;

/// <summary>A check's outcome: passed, failed (with what to fix), or not run because a check it depends on failed.</summary>
public enum DoctorStatus
{
    Ok,
    Fail,
    Skipped,
}
