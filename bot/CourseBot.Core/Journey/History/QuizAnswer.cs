namespace CourseBot.Core.Journey.History;

/// <summary>
/// One answer of a <see cref="QuizSubmitted"/>, kept for audit: <see cref="Given"/> as the form showed it, <see cref="Options"/>
/// the chosen options by id (curriculum letter, or true/false; null in histories written before options were shuffled).
/// </summary>
public sealed record QuizAnswer(string? Id, string? Given, bool Correct, IReadOnlyList<string>? Options = null);
