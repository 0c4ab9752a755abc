namespace CourseBot.Core.Publishing;

/// <summary>
/// One thing publish creates, changes or finds as it should be: a repository, a file in one (with the
/// content it has after publish), a setting, a team.
/// </summary>
public sealed record PlanItem(PlanKind Kind, string Target, PlanAction Action, string Detail = "")
{
    /// <summary>A file's content as published (null for anything that is not a file).</summary>
    public string? Content { get; init; }
}
