namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// A graded submission: the quiz it named, the score, one result per question in quiz order, and the
/// problems found in the body (shown to the learner; they never contain text the learner wrote).
/// </summary>
public sealed record QuizResult(
    string QuizKey,
    int Correct,
    int Total,
    double Percent,
    IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<string> Problems
)
{
    public int Unanswered => Questions.Count(q => !q.Answered);

    public bool Passed(int passPercent) => Total > 0 && Percent >= passPercent;
}
