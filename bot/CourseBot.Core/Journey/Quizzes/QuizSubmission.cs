namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// What a submitted quiz issue says: the quiz it answers (the <c>Quiz</c> field, null when missing),
/// the answers by question number (1-based), and anything wrong with the body.
/// </summary>
public sealed record QuizSubmission(string? QuizKey, IReadOnlyDictionary<int, SubmittedAnswer> Answers, IReadOnlyList<string> Problems);
