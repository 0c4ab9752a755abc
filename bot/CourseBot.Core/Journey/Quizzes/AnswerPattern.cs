using System.Text.RegularExpressions;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// Short-answer <c>accept</c> patterns as the curriculum defines them (QuizContentRule): the whole
/// trimmed answer must match, ignoring case. Learner text is hostile, so matching has a time limit.
/// </summary>
internal static class AnswerPattern
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest answer tried; a real short answer is a few words.</summary>
    public const int MaxAnswerLength = 1_000;

    public static MatchOutcome Match(string answer, string pattern)
    {
        var trimmed = answer.Trim();
        if (trimmed.Length > MaxAnswerLength)
        {
            return MatchOutcome.NoMatch;
        }

        try
        {
            // Static IsMatch uses the Regex cache, so each pattern is parsed once per process.
            return Regex.IsMatch(trimmed, $@"\A(?:{pattern})\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)
                ? MatchOutcome.Match
                : MatchOutcome.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            return MatchOutcome.TimedOut;
        }
        catch (ArgumentException)
        {
            return MatchOutcome.InvalidPattern; // the curriculum validator reports these; never crash a grading
        }
    }
}
