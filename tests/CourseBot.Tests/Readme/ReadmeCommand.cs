using System.Text.RegularExpressions;

namespace CourseBot.Tests.Readme;

/// <summary>One command line from a <c>bash</c> block of the README, with the exit status its comment promises (default 0).</summary>
internal sealed partial record ReadmeCommand(string Text, int ExpectedExit)
{
    /// <summary>Every <c>./coursebot</c>, <c>sudo ./coursebot</c> and <c>./test</c> line of the README's bash blocks.</summary>
    public static IReadOnlyList<ReadmeCommand> Read(string readmePath)
    {
        var commands = new List<ReadmeCommand>();
        var inBash = false;
        var pending = "";
        foreach (var raw in File.ReadLines(readmePath))
        {
            // A line ending in a backslash continues on the next one, as bash reads it.
            var line = pending + raw.Trim();
            pending = "";
            if (inBash && line.EndsWith('\\'))
            {
                pending = line[..^1];
                continue;
            }

            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && line == "```bash";
                continue;
            }

            if (!inBash || !CommandStart().IsMatch(line))
            {
                continue;
            }

            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            var text = (comment < 0 ? line : line[..comment]).Trim();
            var exit = comment < 0 ? null : ExitComment().Match(line[comment..]);
            commands.Add(
                new ReadmeCommand(
                    text,
                    exit is { Success: true } ? int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0
                )
            );
        }

        return commands;
    }

    [GeneratedRegex(@"^(sudo )?\./(coursebot|test)\b")]
    private static partial Regex CommandStart();

    [GeneratedRegex(@"\bexit (\d+)\b")]
    private static partial Regex ExitComment();
}
