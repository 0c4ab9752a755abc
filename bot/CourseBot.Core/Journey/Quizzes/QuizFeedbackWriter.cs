using System.Globalization;
using System.Text;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// The bot's reply to a graded quiz: the score against the pass mark, then a table with a row per
/// question. Which questions were right or wrong, right answers, explanations and documentation links
/// appear only when <c>showExplanations</c> is set (a pass, or the last counted attempt), so a learner who
/// may retry can neither copy the key nor find it by elimination; until then the reply names the topics
/// (the questions' documentation sections) to review. Everything the learner wrote is shown through
/// <see cref="TableCell.Learner"/>.
/// </summary>
public static class QuizFeedbackWriter
{
    public const string DefaultExplanationsShownWhen = "once you pass this quiz";

    /// <summary>The reply in GitHub Markdown.</summary>
    /// <param name="result">The graded submission.</param>
    /// <param name="passPercent">The pass mark, in percent.</param>
    /// <param name="showExplanations">Whether to show right answers, explanations and documentation links.</param>
    /// <param name="attempt">Which attempt this was (1-based).</param>
    /// <param name="nextStep">Bot-written Markdown appended as it is (what to do next), or null.</param>
    /// <param name="explanationsShownWhen">Completes "Which answers were right, the right answers and explanations are shown ..." when they
    /// are hidden.</param>
    /// <param name="late">Submitted after the time limit: graded for the learner's information, not counted, so the reply
    /// numbers no attempt and calls no score a pass.</param>
    public static string Write(QuizResult result, int passPercent, bool showExplanations, int attempt, string? nextStep,
        string explanationsShownWhen = DefaultExplanationsShownWhen, bool late = false)
    {
        ArgumentNullException.ThrowIfNull(result);

        var md = new StringBuilder();
        var passed = result.Passed(passPercent);
        var verdict = late ? "not counted (submitted late)" : passed ? "passed" : "not passed yet";
        md.Append(late
            ? "### Quiz result - late, not counted\n\n"
            : string.Create(CultureInfo.InvariantCulture, $"### Quiz result - attempt {attempt}\n\n"));
        md.Append(
            CultureInfo.InvariantCulture,
            $"**{result.Correct} / {result.Total} ({Percent(result.Percent)} %)** - {verdict}, the pass mark is {passPercent} %.\n\n"
        );

        if (result.Unanswered > 0)
        {
            md.Append(
                CultureInfo.InvariantCulture,
                $"You left {result.Unanswered} {(result.Unanswered == 1 ? "question" : "questions")} blank; blank answers count "
                + $"as wrong.\n\n"
            );
        }

        if (result.Problems.Count > 0)
        {
            md.Append("Problems with this submission:\n\n");
            foreach (var problem in result.Problems)
            {
                md.Append("- ").Append(QuizFormFields.OneLine(problem)).Append('\n');
            }

            md.Append('\n');
        }

        if (result.Questions.Count > 0)
        {
            Table(md, result, showExplanations);
        }

        if (!showExplanations)
        {
            Topics(md, result);
        }

        if (!showExplanations)
        {
            md.Append("Which answers were right, the right answers and explanations are shown ")
                .Append(QuizFormFields.OneLine(explanationsShownWhen))
                .Append(".\n\n");
        }

        if (!string.IsNullOrWhiteSpace(nextStep))
        {
            md.Append(nextStep.Trim()).Append("\n\n");
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void Table(StringBuilder md, QuizResult result, bool showExplanations)
    {
        md.Append(showExplanations
            ? "| # | Result | Your answer | Right answer | Explanation |\n| --: | :-: | --- | --- | --- |\n"
            : "| # | Your answer |\n| --: | --- |\n");
        foreach (var q in result.Questions)
        {
            var given = q.Answered ? TableCell.Learner(q.Given) : "";
            given = given.Length == 0 ? "_no answer_" : given;
            if (q.Note is { Length: > 0 } note)
            {
                given += " - " + TableCell.Trusted(note);
            }

            var row = showExplanations
                ? string.Create(CultureInfo.InvariantCulture, $"| {q.Number} | {(q.Correct ? "✅" : "❌")} | {given} |")
                : string.Create(CultureInfo.InvariantCulture, $"| {q.Number} | {given} |");
            md.Append(row);
            if (showExplanations)
            {
                md.Append(' ').Append(TableCell.Trusted(q.Expected)).Append(" | ").Append(Explanation(q)).Append(" |");
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    /// <summary>
    /// The documentation sections of the questions missed, in quiz order and without links (a link is part of the
    /// explanation): enough to know what to reread, not which answer was wrong.
    /// </summary>
    private static void Topics(StringBuilder md, QuizResult result)
    {
        var topics = result.Questions.Where(q => !q.Correct).Select(q => ReferenceLink.Of(q.Reference)?.Text)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (topics.Count == 0)
        {
            return;
        }

        md.Append("Topics to review before your next attempt:\n\n");
        foreach (var topic in topics)
        {
            md.Append("- ").Append(TableCell.Trusted(topic)).Append('\n');
        }

        md.Append('\n');
    }

    private static string Explanation(QuestionResult q)
    {
        var text = TableCell.Trusted(q.Explanation);
        if (ReferenceLink.Of(q.Reference) is not { } link)
        {
            return text;
        }

        var label = TableCell
            .Trusted(link.Text)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal);
        // Unbalanced parentheses would end the link destination early.
        var url = link.Url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        var more = $"Read: [{label}]({url})";
        return text.Length == 0 ? more : $"{text} {more}";
    }

    /// <summary>Rounded down, so 79.96 % never shows as a passing "80 %".</summary>
    private static string Percent(double percent) =>
        (Math.Floor(percent * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture);
}
