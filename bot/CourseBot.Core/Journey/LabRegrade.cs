using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;

namespace CourseBot.Core.Journey;

/// <summary>
/// Who a regrade of a lab reaches: learners (of the cohort, when one is named) whose module holding the lab is unlocked, the
/// labs their grading runs are accepted for (<see cref="ProgressOpenLabs"/>). Read from the record only.
/// </summary>
public static class LabRegrade
{
    public static RegradeStatus Status(Course course, LearnerLedger ledger, string lab, string version, string? cohort)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(lab);
        if (ledger.Enrollment is not { } enrollment || !ledger.Setup.Contains("repository") || ledger.Unenrolled
            || (cohort is not null && !string.Equals(enrollment.Cohort, cohort, StringComparison.OrdinalIgnoreCase)))
        {
            return RegradeStatus.NotOpen;
        }

        var moduleId = lab.Split('/')[0];
        if (ledger.Progress(course)?.Module(moduleId) is not { IsUnlocked: true })
        {
            return RegradeStatus.NotOpen;
        }

        return Dispatched(ledger, lab, version) ? RegradeStatus.Done : RegradeStatus.Due;
    }

    /// <summary>A regrade of <paramref name="lab"/> with hidden tests <paramref name="version"/> is on record.</summary>
    public static bool Dispatched(LearnerLedger ledger, string lab, string version)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Events.Any(e => e.Subject == lab && LearnerEventJson.Read<RegradeRequested>(e)?.HiddenVersion == version);
    }
}
