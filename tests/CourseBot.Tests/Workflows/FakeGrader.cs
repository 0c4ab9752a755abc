using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// The "grader binary" the tests publish: a script that records who started it, where and with which
/// environment (into the record folder), then writes the outputs the real grader writes.
/// </summary>
internal static class FakeGrader
{
    public static byte[] Content { get; } = Encoding.UTF8.GetBytes("""
        #!/bin/sh
        /usr/bin/id -u > "$COURSEBOT_TEST_RECORD/grader-uid"
        pwd > "$COURSEBOT_TEST_RECORD/grader-cwd"
        /usr/bin/env > "$COURSEBOT_TEST_RECORD/grader-env"
        {
          echo "score=7"
          echo "max-score=10"
          echo "passed=false"
          echo "result-file=$RUNNER_TEMP/coursebot-results/lab.json"
        } >> "$GITHUB_OUTPUT"

        """);

    public static string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));

    public static string AssetName => RunnerSimulation.Arch == "ARM64" ? "coursebot-grader-linux-arm64" : "coursebot-grader-linux-x64";

    /// <summary>The grader's recorded environment, or null when it never ran.</summary>
    public static IReadOnlyDictionary<string, string>? Environment(RunnerSimulation runner)
    {
        var file = Path.Combine(runner.Record, "grader-env");
        return File.Exists(file)
            ? File.ReadAllLines(file).Where(l => l.Contains('=', StringComparison.Ordinal))
                .Select(l => l.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal)
            : null;
    }
}
