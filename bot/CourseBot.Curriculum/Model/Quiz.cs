using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>
/// The content of one quiz or exam (<c>quizzes/&lt;assessment-id&gt;.yml</c>) with its answer key.
/// It never leaves the bot: learners see prompts and options only.
/// </summary>
public sealed record Quiz(string AssessmentId, ImmutableArray<QuizQuestion> Questions, SourceLocation Location);
