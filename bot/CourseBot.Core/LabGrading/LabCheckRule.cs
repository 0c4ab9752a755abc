namespace CourseBot.Core.LabGrading;

/// <summary>One check of a lab: its name, its kind (<c>white-box</c> is labelled as such) and the points it is worth.</summary>
public sealed record LabCheckRule(string Name, string Kind, int Points);
