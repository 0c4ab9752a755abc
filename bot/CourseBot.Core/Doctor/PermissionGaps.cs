namespace CourseBot.Core.Doctor;

/// <summary>How one set of GitHub App permissions falls short of, or goes beyond, another (write covers read; admin both).</summary>
internal static class PermissionGaps
{
    private static readonly string[] Levels = ["read", "write", "admin"];

    /// <summary>Each permission <paramref name="wanted"/> names that <paramref name="held"/> lacks or holds at a lower level.</summary>
    public static List<string> Missing(IReadOnlyDictionary<string, string> wanted, IReadOnlyDictionary<string, string> held) =>
        wanted.Where(w => Rank(held.GetValueOrDefault(w.Key)) < Rank(w.Value))
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => held.TryGetValue(w.Key, out var level) ? $"{w.Key}: {w.Value} (has {level})" : $"{w.Key}: {w.Value}")
            .ToList();

    /// <summary>Each permission <paramref name="held"/> has beyond <paramref name="wanted"/>: more than the bot needs.</summary>
    public static List<string> Extra(IReadOnlyDictionary<string, string> wanted, IReadOnlyDictionary<string, string> held) =>
        Missing(held, wanted);

    private static int Rank(string? level) => level is null ? -1 : Array.IndexOf(Levels, level);
}
