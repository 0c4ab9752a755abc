using System.Globalization;
using System.Text.RegularExpressions;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>A study duration as the seed writes it: <c>1 week</c>, <c>3 days</c>.</summary>
public readonly partial record struct StudyDuration(int Amount, DurationUnit Unit)
{
    public static bool TryParse(string text, out StudyDuration duration)
    {
        var match = DurationPattern().Match(text);
        duration = default;
        if (!match.Success)
        {
            return false;
        }

        var amount = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.StartsWith("day", StringComparison.Ordinal) ? DurationUnit.Day : DurationUnit.Week;
        var singular = match.Groups["unit"].Value is "day" or "week";
        if (amount == 0 || (amount == 1) != singular)
        {
            return false;
        }

        duration = new StudyDuration(amount, unit);
        return true;
    }

    /// <summary>Length in days, counting a study week as 7 calendar days.</summary>
    public int Days => Unit == DurationUnit.Week ? Amount * 7 : Amount;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Amount} {(Unit == DurationUnit.Week ? "week" : "day")}{(Amount == 1 ? "" : "s")}");

    [GeneratedRegex(@"^(?<n>\d{1,3}) (?<unit>days?|weeks?)$")]
    private static partial Regex DurationPattern();
}
