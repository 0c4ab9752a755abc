using System.Globalization;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// The ids, labels and option texts a quiz form uses. The writer emits them and the parser and grader
/// read them back, so they live in one place: a change here changes both sides.
/// </summary>
internal static partial class QuizFormFields
{
    public const string QuizId = "quiz";
    public const string QuizLabel = "Quiz";
    public const string True = "True";
    public const string False = "False";

    private const string SelectAll = " (select all that apply)";

    /// <summary>How the bot names a quiz everywhere: <c>{module id}/{assessment id}</c>.</summary>
    public static string QuizKey(Module module, Assessment assessment) => $"{module.Id}/{assessment.Id}";

    public static string AnswerId(int number) => string.Create(CultureInfo.InvariantCulture, $"answer-{number}");

    public static string AnswerLabel(int number, QuestionKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"Answer {number}") + (kind == QuestionKind.MultipleChoice ? SelectAll : "");

    /// <summary>
    /// An option as the form shows it: its letter, then its text on one line. The letter keeps options
    /// distinct (GitHub rejects a dropdown with duplicate choices) and names the option in feedback.
    /// </summary>
    public static string OptionLabel(int index, string text) => $"{QuizQuestion.Letter(index)}) {OneLine(text)}";

    /// <summary>
    /// The options a question's answer field offers, in the order an attempt with shuffle key <paramref name="shuffle"/>
    /// shows them (<see cref="OptionOrder"/>), lettered by their place on the form.
    /// </summary>
    public static IReadOnlyList<string> OptionLabels(QuizQuestion question, string? shuffle = null) => question.Kind switch
    {
        QuestionKind.TrueFalse => [True, False],
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice =>
            OptionOrder.Of(shuffle, question).Select((id, place) => OptionLabel(place, question.Options[id])).ToArray(),
        _ => [],
    };

    /// <summary>The question number an answer heading names, if it is one this form emits.</summary>
    public static int? AnswerNumber(string label)
    {
        var match = AnswerHeading().Match(label);
        return match.Success ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Whitespace runs (newlines included) become one space; GitHub fields are single-line.</summary>
    public static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    // Four digits bound the number (no overflow on "Answer 99999999999"); no quiz has 10 000 questions.
    [GeneratedRegex(@"^Answer ([1-9][0-9]{0,3})(?: \(select all that apply\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerHeading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
