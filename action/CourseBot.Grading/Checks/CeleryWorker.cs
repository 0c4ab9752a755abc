using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Grading.Checks;

/// <summary>Starts the learner's Celery worker (and beat, embedded, where the lab needs it) as the learner user, and waits until it is
/// ready.</summary>
public static class CeleryWorker
{
    public sealed record Started(BackgroundProcess? Process, TimeSpan ReadyAfter, string? Failure);

    public static async Task<Started> StartAsync(CheckContext context, WorkerSpec spec, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spec);
        var (sandbox, time) = (context.Sandbox, context.Time);
        var pool = spec.Pool == "app" ? "" : $" -P {Shell.Quote(spec.Pool)}";
        var command =
            $"exec {context.Environment.Python} -m celery -A {Shell.Quote(spec.App)} worker --loglevel=INFO -Q "
            + $"{Shell.Quote(string.Join(',', spec.Queues))} "
            + $"-c {spec.Concurrency}{pool} -n {Shell.Quote(spec.Name + "@%h")} --without-gossip --without-mingle"
            + $"{(spec.Beat ? $" -B -s ./celerybeat-schedule-{spec.Name}" : "")}{(spec.ExtraArguments is { } extra ? " " + extra : "")}";
        var started = time.GetTimestamp();
        var process = sandbox.StartBackground(command, context.LabDirectory, context.LearnerEnvironment);
        while (time.GetElapsedTime(started) < spec.StartTimeout)
        {
            var log = process.Stderr.Text + process.Stdout.Text;
            if (log.Contains(" ready.", StringComparison.Ordinal))
            {
                return new Started(process, time.GetElapsedTime(started), null);
            }

            if (process.HasExited)
            {
                return new Started(null, time.GetElapsedTime(started), "your worker stopped before it was ready:\n" + Tail(log));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), time, cancel).ConfigureAwait(false);
        }

        var output = process.Stderr.Text + process.Stdout.Text;
        sandbox.KillAll();
        process.Dispose();
        return new Started(
            null,
            time.GetElapsedTime(started),
            $"your worker was not ready within {spec.StartTimeout.TotalSeconds:0} s:\n" + Tail(output)
        );
    }

    /// <summary>
    /// The end of the worker's log, which the learner's code wrote: it is quoted in messages that reach the log,
    /// the summary and annotations, so no line of it starts a command and no legacy <c>##[</c> survives.
    /// </summary>
    private static string Tail(string text) =>
        WorkflowCommands.QuoteLines(text.Length <= 3000 ? text : "[...]\n" + text[^3000..], "| ").TrimEnd('\n');
}
