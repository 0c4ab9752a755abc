using System.Diagnostics;

namespace CourseBot.GitHubEmulator;

/// <summary>
/// Runs a bot and the emulator sharing a <see cref="VirtualClock"/>, in one process: whenever everyone waits on a timer, the
/// clock jumps to the next timer. "Everyone waits" is seen as two quiet spells of real time in a row with no request to the
/// emulator and the process (bot, emulator, store) nearly idle on the CPU; a bot busy between calls (its store, its templates)
/// holds the clock. Work itself takes no virtual time, waits take exactly their virtual length, and no wait is cut short: the
/// clock never passes a pending timer.
/// </summary>
public static class VirtualTimeDriver
{
    /// <summary>Drives the clock until <paramref name="done"/> says so, or fails after <paramref name="limit"/> of real time.</summary>
    public static async Task RunAsync(
        VirtualClock clock, GitHubEmulator github, Func<Task<bool>> done, TimeSpan quiet, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(done);
        using var process = Process.GetCurrentProcess();
        var started = Stopwatch.StartNew();
        var quietSpells = 0;
        while (!await done().ConfigureAwait(false))
        {
            if (started.Elapsed > limit)
            {
                throw new TimeoutException($"the run did not finish in {limit} of real time (virtual now {clock.GetUtcNow():O})");
            }

            var before = github.Activity;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            await Task.Delay(quiet).ConfigureAwait(false);
            process.Refresh();
            // A quarter of one core: the runtime's own housekeeping, not a bot at work.
            var idle = github.InFlight == 0 && github.Activity == before && process.TotalProcessorTime - cpu < quiet / 4;
            quietSpells = idle ? quietSpells + 1 : 0;
            if (quietSpells >= 2)
            {
                clock.AdvanceToNextTimer();
                quietSpells = 0;
            }
        }
    }
}
