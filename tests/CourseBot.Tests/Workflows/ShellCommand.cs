namespace CourseBot.Tests.Workflows;

/// <summary>
/// Turns a step's <c>shell:</c> into a program and arguments the way the runner does: the known names
/// get the runner's own templates, anything else is a template with <c>{0}</c>; a program name that is
/// not an absolute path is looked up on the step's PATH (which is where a planted <c>bash</c> would win).
/// </summary>
internal static class ShellCommand
{
    public static (string Program, IReadOnlyList<string> Arguments) Resolve(string? shell, string script, string path)
    {
        var template = shell switch
        {
            null or "bash" => "bash --noprofile --norc -eo pipefail {0}",
            "sh" => "sh -e {0}",
            _ when shell.Contains("{0}", StringComparison.Ordinal) => shell,
            _ => shell + " {0}",
        };
        var parts = template.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Replace("{0}", script, StringComparison.Ordinal))
            .ToList();
        var program = Path.IsPathRooted(parts[0]) ? parts[0] : Which(parts[0], path);
        return (program, parts.Skip(1).ToList());
    }

    private static string Which(string name, string path)
    {
        foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{name} is not on PATH {path}");
    }
}
