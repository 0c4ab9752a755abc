namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// One graded question. <see cref="Given"/> is the learner's answer as submitted (untrusted: escape it
/// before display), <see cref="Expected"/> the right answer as the form shows it (an example for a short
/// answer). <see cref="Reference"/> is a URL, or a Celery repository path optionally followed by
/// <c>#</c> and a section title. <see cref="Note"/> says why an answer could not be right, if it could not.
/// </summary>
public sealed record QuestionResult(
    int Number,
    string QuestionId,
    bool Correct,
    bool Answered,
    string Given,
    string Expected,
    string Explanation,
    string Reference,
    string? Note);
