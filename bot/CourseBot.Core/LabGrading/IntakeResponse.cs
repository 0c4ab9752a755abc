namespace CourseBot.Core.LabGrading;

/// <summary>A status and what happened (or why not).</summary>
public sealed record IntakeResponse(int Status, string Message);
