namespace CourseBot.Core.Journey.Commands;

public enum CommandKind
{
    Help,
    Recheck,
    Quiz,

    /// <summary>Instructor: <c>/approve assessment-id</c> records a review-graded assessment as approved.</summary>
    Approve,

    /// <summary>Instructor: <c>/place path-id</c> records placement into a path ("OR equivalent knowledge").</summary>
    Place,

    /// <summary>Instructor: <c>/waive-peer-review</c> in a module issue waives the path's peer review rule for this learner.</summary>
    WaivePeerReview,

    /// <summary>Instructor: <c>/cohort NAME</c> moves the learner to another cohort.</summary>
    Cohort,

    /// <summary>Instructor: <c>/unenroll</c> archives the learner's repository (never deletes it).</summary>
    Unenroll,

    /// <summary>Instructor: <c>/extend DAYS [MODULE]</c> moves the learner's due dates from a module on.</summary>
    Extend,

    /// <summary>The learner or an instructor: <c>/pace PACE</c> lays the modules not passed out again from today.</summary>
    Pace,

    /// <summary>The learner or an instructor: <c>/pause</c> stops the clock (nothing is overdue).</summary>
    Pause,

    /// <summary>The learner or an instructor: <c>/resume</c> restarts it; the days paused are added to the due dates.</summary>
    Resume,
}

/// <summary>A slash command at the start of a line of an issue comment.</summary>
public sealed record LearnerCommand(CommandKind Kind, string? Argument)
{
    /// <summary>The word after <see cref="Argument"/>, if any (<c>/extend 14 MODULE</c>).</summary>
    public string? Second { get; init; }

    /// <summary>The first command in the comment, or null. Only the first counts, so a quoted reply does not run commands twice.</summary>
    public static LearnerCommand? Parse(string? comment)
    {
        if (string.IsNullOrEmpty(comment))
        {
            return null;
        }

        foreach (var raw in comment.Split('\n').Take(50))
        {
            var line = raw.Trim();
            if (!line.StartsWith('/'))
            {
                continue;
            }

            var parts = line[1..].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var words = parts.Length > 1 ? parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            var argument = words.Length > 0 ? words[0] : null;
            CommandKind? kind = parts[0].ToLowerInvariant() switch
            {
                "help" => CommandKind.Help,
                "recheck" => CommandKind.Recheck,
                "quiz" or "exam" => CommandKind.Quiz,
                "approve" => CommandKind.Approve,
                "place" => CommandKind.Place,
                "waive-peer-review" => CommandKind.WaivePeerReview,
                "extend" => CommandKind.Extend,
                "cohort" => CommandKind.Cohort,
                "unenroll" => CommandKind.Unenroll,
                "pace" => CommandKind.Pace,
                "pause" => CommandKind.Pause,
                "resume" => CommandKind.Resume,
                _ => null,
            };
            if (kind is { } found)
            {
                return new LearnerCommand(found, argument) { Second = words.Length > 1 ? words[1] : null };
            }
        }

        return null;
    }
}
