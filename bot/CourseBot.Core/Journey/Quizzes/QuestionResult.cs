namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// One graded question. <see cref="Given"/> is the learner's answer as submitted (untrusted: escape it
/// before display), <see cref="Expected"/> the right answer as the form shows it (an example for a short
/// answer). <see cref="Reference"/> is a URL, or a Celery repository path optionally followed by
/// <c>#</c> and a section title. <see cref="Note"/> says why an answer could not be right, if it could not.
/// <see cref="Chosen"/> names the options chosen by id (their curriculum letters, or true/false), whatever
/// their place on the form.
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
    string? Note,
    IReadOnlyList<string>? Chosen = null);
