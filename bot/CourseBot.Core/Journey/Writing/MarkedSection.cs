namespace CourseBot.Core.Journey.Writing;

/// <summary>
/// The part of the learner's README the bot owns, between two HTML comments. Everything outside
/// them is the learner's and is kept byte for byte.
/// </summary>
public static class MarkedSection
{
    public const string Start = "<!-- coursebot:progress:start -->";
    public const string End = "<!-- coursebot:progress:end -->";

    /// <summary>The README with the marked section replaced by <paramref name="section"/>; appended (with markers) when the markers are
    /// missing or broken.</summary>
    public static string Replace(string? readme, string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var block = $"{Start}\n{section.TrimEnd()}\n{End}";
        var text = readme ?? "";
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(End, start, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            return text.Length == 0 ? block + "\n" : text.TrimEnd() + "\n\n" + block + "\n";
        }

        return string.Concat(text.AsSpan(0, start), block, text.AsSpan(end + End.Length));
    }
}
