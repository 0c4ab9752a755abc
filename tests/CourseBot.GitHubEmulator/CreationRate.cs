namespace CourseBot.GitHubEmulator;

/// <summary>
/// How a run used GitHub's content-creation limits, from the times the emulator let creations through: the busiest sliding
/// minute and hour (within the limits when at most 80 and 500), and the leanest complete hour counted from the first creation
/// (how fully the hourly limit was used; -1 when the run is shorter than an hour).
/// </summary>
public sealed record CreationRate(int Count, TimeSpan Duration, int BusiestMinute, int BusiestHour, int LeanestFullHour, int FullHours)
{
    public static CreationRate Of(IReadOnlyList<DateTimeOffset> creations)
    {
        var sorted = creations.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new CreationRate(0, TimeSpan.Zero, 0, 0, -1, 0);
        }

        var duration = sorted[^1] - sorted[0];
        var fullHours = (int)(duration / TimeSpan.FromHours(1));
        var leanest = fullHours == 0
            ? -1
            : Enumerable.Range(0, fullHours).Min(h => sorted.Count(t =>
                t >= sorted[0] + TimeSpan.FromHours(h) && t < sorted[0] + TimeSpan.FromHours(h + 1)));
        return new CreationRate(
            sorted.Length,
            duration,
            Busiest(sorted, TimeSpan.FromMinutes(1)),
            Busiest(sorted, TimeSpan.FromHours(1)),
            leanest,
            fullHours);
    }

    /// <summary>The most creations in any window of <paramref name="window"/> (GitHub's windows slide).</summary>
    private static int Busiest(DateTimeOffset[] sorted, TimeSpan window)
    {
        var most = 0;
        var start = 0;
        for (var end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }
}
