namespace CourseBot.Core.Journey.History;

/// <summary>One answer of a <see cref="QuizSubmitted"/>, kept for audit.</summary>
public sealed record QuizAnswer(string? Id, string? Given, bool Correct);
