namespace CourseBot.Tests.Journey;

/// <summary>GitHub API calls of one step, by route, as the emulator counted them (installation tokens minted left out).</summary>
internal sealed record CallCount(IReadOnlyDictionary<string, int> ByRoute)
{
    public int Total => ByRoute.Values.Sum();

    public static CallCount Since(GitHubEmulator.GitHubEmulator github, IReadOnlyDictionary<string, int> before) =>
        new(github.Calls.Where(c => !c.Key.EndsWith("/access_tokens", StringComparison.Ordinal))
            .Select(c => (c.Key, Count: c.Value - before.GetValueOrDefault(c.Key))).Where(c => c.Count > 0)
            .OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal));

    public override string ToString() => $"{Total} ({string.Join(", ", ByRoute.Select(c => $"{c.Key} x{c.Value}"))})";
}
