using System.Diagnostics;

namespace CourseBot.GitHubEmulator;

/// <summary>
/// Runs a bot and the emulator sharing a <see cref="VirtualClock"/>, in one process: whenever everyone waits on a timer, the
/// clock jumps to the next timer. "Everyone waits" is seen as quiet spells of real time in a row (two, six before a jump of
/// more than 5 s) with no request to the emulator and the process (bot, emulator, store) nearly idle on the CPU; a bot busy
/// between calls (its store, its templates) holds the clock. Work itself takes no virtual time, waits take exactly their
/// virtual length, and no wait is cut short: the clock never passes a pending timer.
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
            // A long jump taken while the bot was in fact busy (a starved process looks idle) would waste minutes of the
            // limits, so it needs a longer quiet than a short one (the second between creations, a generation poll).
            var needed = clock.NextDue - clock.GetUtcNow() > TimeSpan.FromSeconds(5) ? 6 : 2;
            if (quietSpells >= needed)
            {
                clock.AdvanceToNextTimer();
                quietSpells = 0;
            }
        }
    }
}
