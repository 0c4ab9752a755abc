using System.Globalization;

namespace CourseBot.Core.Journey.Writing;

/// <summary>
/// The reply to <c>/quiz</c> that starts an attempt: the quiz, its size, time limit and pass mark, the link to the form
/// committed for this attempt, and the deadline, which is what counts (a later submission is recorded as late).
/// </summary>
public static class QuizStartReplyWriter
{
    public static string Started(string title, int questions, TimeSpan limit, int passPercent, string formUrl, DateTimeOffset deadline) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"⏱️ **{title}** has started: {questions} questions, {limit.TotalMinutes:0} minutes, pass mark {passPercent} %.\n\n"
            + $"**[Open the quiz form]({formUrl})**, answer every question and submit it by **{Time(deadline)}**. A submission after "
            + $"that is recorded as late and does not count; the form leaves your repository when the attempt ends."
        );

    /// <summary>A moment as every quiz reply writes it: minutes, in UTC, so the learner reads one clock whatever their zone.</summary>
    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
