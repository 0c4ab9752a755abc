using System.Diagnostics;

namespace CourseBot.Grading.Sandbox;

/// <summary>Runs the grader's own helper programs (useradd, chown, iptables). Never used for learner code.</summary>
internal static class Processes
{
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(
        string file,
        IEnumerable<string> args,
        CancellationToken cancel,
        bool throwOnFailure = true
    )
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel).ConfigureAwait(false);
        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        if (throwOnFailure && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {output.Trim()}"
            );
        }

        return (process.ExitCode, output);
    }
}
