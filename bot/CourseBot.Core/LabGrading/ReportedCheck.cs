namespace CourseBot.Core.LabGrading;

/// <summary>One entry of the result's <c>tests</c>: a check, or one hidden test of a check (named <c>check: test</c>).</summary>
public sealed record ReportedCheck(string Name, string Kind, string Status, double Score, double MaxScore);
