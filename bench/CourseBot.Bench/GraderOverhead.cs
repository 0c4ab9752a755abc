using System.Diagnostics;
using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Grading;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Bench;

/// <summary>
/// Grader overhead per check, side by side with a plain run of the same command: a 20-check lab of
/// `true` graded through the sandbox (user switch when root, limits, reaper, capped output files)
/// against 20 plain `/bin/sh -c true` processes. Overhead = (graded - plain) / 20.
/// </summary>
internal static class GraderOverhead
{
    private const int Checks = 20;
    private const int Rounds = 15;

    public static async Task RunAsync()
    {
        var workspace = Directory.CreateTempSubdirectory("coursebot-bench-").FullName;
        File.WriteAllText(Path.Combine(workspace, "README.md"), "bench");
        var location = SourceLocation.OfFile("bench");
        var checks = Enumerable
            .Range(1, Checks)
            .Select(i =>
                (CheckDefinition)
                    new CommandCheck(
                        $"check {i}",
                        1,
                        null,
                        location,
                        null,
                        "true",
                        null,
                        null,
                        OutputComparison.ExitCode,
                        TimeSpan.FromSeconds(10)
                    )
            )
            .ToImmutableArrayOf();
        var lab = new LabDefinition("bench", "overhead", "Overhead", ".", 100, null, [], checks, "", location);
        var grader = new Grader(new SandboxOptions { RestrictNetwork = false }, new GradingEnvironment());

        var plain = new List<double>();
        var graded = new List<double>();
        var gradeOnly = new List<double>();
        for (var round = 0; round < Rounds + 2; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Checks; i++)
            {
                using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "true"]) { UseShellExecute = false })!;
                await process.WaitForExitAsync().ConfigureAwait(false);
            }

            var plainMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var result = await grader.GradeAsync(lab, workspace, null, CancellationToken.None).ConfigureAwait(false);
            var gradedMs = clock.Elapsed.TotalMilliseconds;
            if (!result.Passed)
            {
                throw new InvalidOperationException("benchmark lab did not pass");
            }

            if (round >= 2)
            {
                plain.Add(plainMs / Checks);
                graded.Add(gradedMs / Checks);
                gradeOnly.Add((gradedMs - plainMs) / Checks);
            }
        }

        Directory.Delete(workspace, recursive: true);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"grader-overhead ({Checks}-check lab, "
                + $"{(SandboxIdentity.IsRoot ? "as root: learner user switch" : "not root: no user switch")}, "
                + $"{Environment.ProcessorCount} cores)"
            )
        );
        Console.WriteLine("  plain run per command:    " + Stats.Describe(plain));
        Console.WriteLine("  graded run per check:     " + Stats.Describe(graded));
        Console.WriteLine("  overhead per check:       " + Stats.Describe(gradeOnly));
        Console.WriteLine("  (overhead includes sandbox creation and workspace copy, shared by the 20 checks)");
    }

    private static System.Collections.Immutable.ImmutableArray<T> ToImmutableArrayOf<T>(this IEnumerable<T> items) => [.. items];
}
