using System.Globalization;

namespace CourseBot.Core.Journey.Capstones;

/// <summary>A capstone status in one line, for the rubric comment, the module issue and the README.</summary>
public static class CapstoneStatusText
{
    public static string Describe(CapstoneStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var pull = status.PullRequest is { } n ? string.Create(CultureInfo.InvariantCulture, $" (#{n})") : "";
        var note = status.Note is null ? "" : $"; {status.Note}";
        return status.State switch
        {
            CapstoneState.Approved => string.Create(
                CultureInfo.InvariantCulture,
                $"✅ approved by @{status.Reviewer}{pull}: {status.Total:0.##} / {status.Max:0.##}"
            ),
            CapstoneState.ChangesRequested =>
                $"🔁 changes requested by @{status.Reviewer}{pull}: push the changes, then ask for a new review",
            CapstoneState.Waiting => $"⏳ waiting for an instructor's review{pull}{note}",
            CapstoneState.Draft => $"📝 draft{pull}: not in the review queue until it is marked ready for review",
            _ => "not submitted: open a pull request from the capstone's template" + note,
        };
    }

    /// <summary>The short form for the README's table cell.</summary>
    public static string Cell(CapstoneStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State switch
        {
            CapstoneState.Approved => string.Create(CultureInfo.InvariantCulture, $"capstone {status.Total:0.##} / {status.Max:0.##}"),
            CapstoneState.ChangesRequested => "capstone: changes requested",
            CapstoneState.Waiting => "capstone: in review",
            CapstoneState.Draft => "capstone: draft",
            _ => "",
        };
    }
}
