namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// A graded submission: the quiz it named, the score, one result per question in quiz order, and the
/// problems found in the body (shown to the learner; they never contain text the learner wrote).
/// </summary>
public sealed record QuizResult(string QuizKey, int Correct, int Total, double Percent, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<string> Problems)
{
    public int Unanswered => Questions.Count(q => !q.Answered);

    public bool Passed(int passPercent) => Total > 0 && Percent >= passPercent;
}

/// <summary>
/// One graded question. <see cref="Given"/> is the learner's answer as submitted (untrusted: escape it
/// before display), <see cref="Expected"/> the right answer as the form shows it (an example for a short
/// answer). <see cref="Reference"/> is a URL, or a Celery repository path optionally followed by
/// <c>#</c> and a section title. <see cref="Note"/> says why an answer could not be right, if it could not.
/// <see cref="Chosen"/> names the options chosen by id (their curriculum letters, or true/false), whatever their place on the form.
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
