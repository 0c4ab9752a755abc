namespace CourseBot.Grading.Sandbox;

/// <summary>The kept start of an output stream; <see cref="TotalBytes"/> counts all of it.</summary>
public sealed record CapturedOutput(string Text, long TotalBytes, bool Truncated)
{
    public static CapturedOutput Empty { get; } = new("", 0, false);

    /// <summary>Reads at most <paramref name="capBytes"/> of a file, normalises line endings, and marks what was cut.</summary>
    public static CapturedOutput Read(string path, int capBytes)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        using var stream = File.OpenRead(path);
        var total = stream.Length;
        var buffer = new byte[(int)Math.Min(total, capBytes)];
        stream.ReadExactly(buffer);
        var text = System.Text.Encoding.UTF8.GetString(buffer).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var truncated = total > capBytes;
        if (truncated)
        {
            text += $"\n[output truncated: {total - capBytes:N0} more bytes not shown]";
        }

        return new CapturedOutput(text, total, truncated);
    }
}
