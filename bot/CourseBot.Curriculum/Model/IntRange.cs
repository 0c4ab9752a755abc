using System.Globalization;
using System.Text.RegularExpressions;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>An inclusive integer range written <c>MIN-MAX</c> (or a single number); used for hours, weeks, months and module
/// numbers.</summary>
public readonly partial record struct IntRange(int Min, int Max)
{
    public static bool TryParse(string text, out IntRange range)
    {
        var match = RangePattern().Match(text);
        range = default;
        if (!match.Success)
        {
            return false;
        }

        var min = int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture);
        var max = match.Groups["max"].Success ? int.Parse(match.Groups["max"].Value, CultureInfo.InvariantCulture) : min;
        if (min > max)
        {
            return false;
        }

        range = new IntRange(min, max);
        return true;
    }

    public bool Contains(int value) => value >= Min && value <= Max;

    public override string ToString() => Min == Max
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");

    [GeneratedRegex(@"^\s*(?<min>\d{1,4})\s*(?:-\s*(?<max>\d{1,4})\s*)?$")]
    private static partial Regex RangePattern();
}
