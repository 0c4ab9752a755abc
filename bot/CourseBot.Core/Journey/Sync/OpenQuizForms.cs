using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Quizzes;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// The quiz forms a learner's repository holds: one per attempt that is open (started, not submitted, not past its time
/// limit and grace). A form reaches the repository when <c>/quiz</c> starts the attempt and leaves it when the attempt
/// ends, so the questions cannot be prepared before the timer runs. A removed form stays in git history, which is why a
/// form holds prompts and options only (no key, no explanation) and shows its options in the attempt's own order.
/// </summary>
public static class OpenQuizForms
{
    public static IReadOnlyList<QuizForm> Of(Course course, LearnerLedger ledger, DateTimeOffset now, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return [.. ledger.QuizStarts
            .Where(a => !ledger.ConsumedAttempts.Contains(a.Sequence) && now <= a.Deadline + grace)
            .GroupBy(a => a.Key).Select(g => g.MaxBy(a => a.Sequence)!)
            .Select(a => QuizLocator.Find(course, a.Key)?.Form(a.Shuffle)).OfType<QuizForm>()];
    }
}
