namespace CourseBot.GitHubEmulator;

/// <summary>
/// Runs a bot and the emulator sharing a <see cref="VirtualClock"/>: whenever nothing has talked to the emulator for a quiet
/// spell of real time (everyone waits on a timer), the clock jumps to the next timer. Work itself takes no virtual time, waits
/// take exactly their virtual length, and no wait is cut short: the clock never passes a pending timer.
/// </summary>
public static class VirtualTimeDriver
{
    /// <summary>Drives the clock until <paramref name="done"/> says so, or fails after <paramref name="limit"/> of real time.</summary>
    public static async Task RunAsync(
        VirtualClock clock, GitHubEmulator github, Func<Task<bool>> done, TimeSpan quiet, TimeSpan limit)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!await done().ConfigureAwait(false))
        {
            if (started.Elapsed > limit)
            {
                throw new TimeoutException($"the run did not finish in {limit} of real time (virtual now {clock.GetUtcNow():O})");
            }

            var before = github.Activity;
            await Task.Delay(quiet).ConfigureAwait(false);
            if (github.InFlight == 0 && github.Activity == before)
            {
                clock.AdvanceToNextTimer();
            }
        }
    }
}
