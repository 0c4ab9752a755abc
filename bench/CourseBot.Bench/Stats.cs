using System.Globalization;

namespace CourseBot.Bench;

internal static class Stats
{
    public static string Describe(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"median {At(0.5):0.00} ms, p90 {At(0.9):0.00} ms, min {sorted[0]:0.00} ms (n={sorted.Length})"
        );
    }
}
