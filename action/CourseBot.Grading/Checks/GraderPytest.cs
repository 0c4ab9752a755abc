using System.Diagnostics;

namespace CourseBot.Grading.Checks;

/// <summary>
/// Runs pytest as the grader, in its own process, on hidden tests that never import learner code: a clean
/// environment, the system interpreter's path only, no plugin autoloading, the broker's addresses for the helpers.
/// </summary>
internal static class GraderPytest
{
    public sealed record Run(int ExitCode, bool TimedOut, string Output, TimeSpan Duration);

    public static async Task<Run> RunAsync(CheckContext context, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancel)
    {
        var sandbox = context.Sandbox;
        var info = new ProcessStartInfo(context.Environment.Python)
        {
            UseShellExecute = false,
            WorkingDirectory = sandbox.HiddenRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-m");
        info.ArgumentList.Add("pytest");
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        // The grader's own process: never the learner's path, never a learner import.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/bin:/bin";
        info.Environment["HOME"] = sandbox.ResultsRoot;
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1";
        info.Environment["COURSEBOT_BROKER_URL"] = context.Environment.BrokerUrl;
        info.Environment["COURSEBOT_BACKEND_URL"] = context.Environment.BackendUrl;
        info.Environment[GradingEnvironment.SeedVariable] = context.SeedText;
        info.Environment["COURSEBOT_QUEUES"] = string.Join(',', context.Lab.Workers.SelectMany(w => w.Queues).Distinct());

        var started = context.Time.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start pytest");
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        return new Run(timedOut ? -1 : process.ExitCode, timedOut, output, context.Time.GetElapsedTime(started));
    }
}
