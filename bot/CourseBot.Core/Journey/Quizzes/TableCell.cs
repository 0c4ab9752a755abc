using System.Globalization;
using System.Text;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// Text made safe for one cell of a GitHub Markdown table. Learner text goes into an inline code span,
/// where GitHub renders no Markdown, HTML, @mentions or #references; pipes are escaped because GitHub
/// splits table cells before it looks for code spans.
/// </summary>
internal static class TableCell
{
    public const int MaxLearnerText = 200;

    /// <summary>Untrusted text: one line, control and format characters removed, capped, in a code span.</summary>
    public static string Learner(string text)
    {
        var clean = new StringBuilder(Math.Min(text.Length, MaxLearnerText * 2));
        foreach (var c in QuizFormFields.OneLine(text))
        {
            // Cc and Cf include bidi overrides and zero-width characters that can disguise text.
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                clean.Append(c);
            }
        }

        var line = QuizFormFields.OneLine(clean.ToString());
        if (line.Length == 0)
        {
            return "";
        }

        if (line.Length > MaxLearnerText)
        {
            // Never cut a surrogate pair in half.
            var cut = char.IsHighSurrogate(line[MaxLearnerText - 1]) ? MaxLearnerText - 1 : MaxLearnerText;
            line = line[..cut] + "…";
        }

        var fence = new string('`', LongestRun(line, '`') + 1);
        // The spaces let the content start or end with a backtick; CommonMark strips one on each side.
        return $"{fence} {EscapePipes(line)} {fence}";
    }

    /// <summary>Text the course wrote (options, explanations, notes): Markdown kept, one line, pipes escaped.</summary>
    public static string Trusted(string text) => EscapePipes(QuizFormFields.OneLine(text));

    /// <summary>
    /// GitHub's table scanner reads a backslash and the next character as one unit, so a backslash the
    /// text already has before a pipe is separated from it by a zero-width space first.
    /// </summary>
    private static string EscapePipes(string text) =>
        text.Replace("\\|", "\\\u200B|", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
