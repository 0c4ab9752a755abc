namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// An issue form for one quiz: where it goes in the learner's repository
/// (<c>.github/ISSUE_TEMPLATE/quiz-NN-id.yml</c>) and its YAML. It holds questions and options only.
/// </summary>
public sealed record QuizForm(string Path, string Yaml);
