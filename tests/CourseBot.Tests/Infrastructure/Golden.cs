using System.Text;

namespace CourseBot.Tests.Infrastructure;

/// <summary>
/// Compares a text the bot writes with its golden file under <c>tests/CourseBot.Tests/Golden</c>, byte
/// for byte. With <c>UPDATE_GOLDEN=1</c> it writes the file instead, so a deliberate change of wording is
/// one command and a reviewed diff; an accidental one fails with a diff of the lines and that command.
/// </summary>
internal static class Golden
{
    private const int Context = 3;

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "CourseBot.Tests", "Golden");

    public static void AssertMatches(string name, string actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = Path.Combine(Folder, name);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(actual);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(path, bytes);
            return;
        }

        var update = "To accept the new text: UPDATE_GOLDEN=1 dotnet test tests/CourseBot.Tests --filter \"FullyQualifiedName~Golden\""
            + $" and review git diff {Path.GetRelativePath(RepositoryPaths.Root, path)}";
        if (!File.Exists(path))
        {
            Assert.Fail($"No golden file {name} yet.\n{update}");
        }

        var expected = File.ReadAllBytes(path);
        if (expected.AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        var diff = Diff(Encoding.UTF8.GetString(expected), actual);
        var shown = diff.Length > 0 ? diff : "(same lines: line endings, final newline or encoding differ)\n";
        Assert.Fail($"{name} differs from its golden file (- golden, + written now):\n{shown}{update}");
    }

    /// <summary>A unified-style diff of the lines (longest common subsequence), with a few lines of context around each change.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        // Each line of the edit script: ' ', '-' or '+', the text, and its line numbers in each file.
        var script = new List<(char Op, string Text, int Old, int New)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                script.Add((' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                script.Add(('-', a[x], x++, y));
            }
            else
            {
                script.Add(('+', b[y], x, y++));
            }
        }

        var text = new StringBuilder();
        var changed = script.Select((s, i) => (s, i)).Where(p => p.s.Op != ' ').Select(p => p.i).ToList();
        var k = 0;
        while (k < changed.Count)
        {
            var start = Math.Max(changed[k] - Context, 0);
            var end = changed[k];
            while (k < changed.Count && changed[k] - end <= 2 * Context)
            {
                end = changed[k++];
            }

            end = Math.Min(end + Context, script.Count - 1);
            var hunk = script.GetRange(start, end - start + 1);
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"@@ -{hunk[0].Old + 1},{hunk.Count(h => h.Op != '+')} +{hunk[0].New + 1},{hunk.Count(h => h.Op != '-')} @@\n");
            foreach (var (op, line, _, _) in hunk)
            {
                text.Append(op).Append(line.Replace("\r", "\\r", StringComparison.Ordinal)).Append('\n');
            }
        }

        return text.ToString();
    }
}
