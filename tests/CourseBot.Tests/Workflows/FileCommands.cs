namespace CourseBot.Tests.Workflows;

/// <summary>
/// Reads the runner's file commands (<c>GITHUB_OUTPUT</c>, <c>GITHUB_ENV</c>): <c>name=value</c>
/// lines and the <c>name&lt;&lt;DELIMITER</c> ... <c>DELIMITER</c> form for values with line breaks.
/// </summary>
internal static class FileCommands
{
    public static IReadOnlyDictionary<string, string> Read(string file)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return values;
        }

        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var body = new List<string>();
                for (i++; i < lines.Length && lines[i] != delimiter; i++)
                {
                    body.Add(lines[i]);
                }

                if (i >= lines.Length)
                {
                    throw new InvalidOperationException($"{file}: no closing '{delimiter}'");
                }

                values[line[..heredoc]] = string.Join('\n', body);
            }
            else if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
            else if (line.Length > 0)
            {
                throw new InvalidOperationException($"{file}: '{line}' is not a file command (the runner fails the step)");
            }
        }

        return values;
    }
}
