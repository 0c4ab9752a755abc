namespace CourseBot.Core.Journey.History;

/// <summary>One of the lab's checks in a <see cref="LabGraded"/>, as the bot scored it.</summary>
public sealed record LabCheck(string? Name, string? Kind, int Points, double Score, bool Passed);
