using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Sync;

namespace CourseBot.Core.Journey.Writing;

/// <summary>
/// The bot's answers on an Enroll issue: welcome, already enrolled, a form it could not read, a refusal, a setup problem.
/// </summary>
public static class EnrollmentReplyWriter
{
    /// <summary>The answer once the learner's repository is ready.</summary>
    public static string Welcome(Course course, LearnerLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(ledger);
        var enrollment = ledger.Enrollment!;
        var path = course.FindPath(enrollment.PathId);
        var pace = course.Paces.FirstOrDefault(p => p.Id == enrollment.PaceId)?.Title ?? enrollment.PaceId;
        return $"Welcome, @{enrollment.Login}! 🎉 You are enrolled in **Path {path?.Number}: {path?.Title}** at the **{pace}** pace, "
            + $"starting {enrollment.Start:yyyy-MM-dd}.\n\n"
            + $"1. Accept the invitation to your private repository: {ledger.RepositoryUrl}/invitations\n"
            + $"2. Read its README: your progress appears there.{FirstIssue(course, ledger, "\n3. ")}\n\n"
            + "Every push is graded; quizzes start with `/quiz` in a module issue. Type `/help` in any module issue for what to do next.";
    }

    /// <summary>Enrolling twice changes nothing: the learner gets their repository's address again.</summary>
    public static string AlreadyEnrolled(Course course, LearnerLedger existing, string author)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return $"@{author}, you are already enrolled: your course repository is {existing.RepositoryUrl}. Nothing was changed."
            + FirstIssue(course, existing, " ");
    }

    /// <summary>The form did not give what enrollment needs (<paramref name="problems"/> say what).</summary>
    public static string NotUnderstood(string author, IEnumerable<string> problems) =>
        $"Hi @{author}, I could not enroll you yet: {string.Join("; ", problems)}. "
        + "Edit the issue or open a new **Enroll** issue and I will try again.";

    /// <summary>The enrollment policy refused the request.</summary>
    public static string Refused(string author, string refusal) =>
        $"Hi @{author}, I could not enroll you: {refusal}. Nothing was created.";

    /// <summary>The course's GitHub setup stopped the enrollment; the request is kept for a replay.</summary>
    public static string SetupBroken(string author) =>
        $"Sorry @{author}, I could not create your course repository yet: the course is not fully set up on GitHub. "
        + "Your request is kept, and your instructors can see why; you will get your repository here as soon as they fix it.";

    private static string FirstIssue(Course course, LearnerLedger ledger, string prefix)
    {
        var progress = ledger.Progress(course);
        if (progress?.Current is { } first && ledger.ModuleIssues.TryGetValue(first.Module.Id, out var n))
        {
            return $"{prefix}Start with [{ModuleIssueWriter.Title(first.Module)}]({ledger.RepositoryUrl}/issues/{n}).";
        }

        var placementIssue = PlacementQuiz.ModuleId(progress?.PendingPlacement?.Id ?? "");
        return progress?.PendingPlacement is { } path && ledger.ModuleIssues.TryGetValue(placementIssue, out var placement)
            ? $"{prefix}Path {path.Number} starts with a placement: "
                + $"see [Placement for Path {path.Number}]({ledger.RepositoryUrl}/issues/{placement})."
            : "";
    }
}
