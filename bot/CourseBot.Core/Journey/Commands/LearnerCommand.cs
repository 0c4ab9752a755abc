namespace CourseBot.Core.Journey.Commands;

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
