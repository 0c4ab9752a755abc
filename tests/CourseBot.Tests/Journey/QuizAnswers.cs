using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Quizzes;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Answers a learner could give in a form, picked from the form's own options (not from the bot's
/// label code) so that a writer and grader that disagree fail the tests. An option is found by its text: the form shows
/// an attempt's options shuffled, so the key's letter says nothing about where the right one is.
/// </summary>
internal static class QuizAnswers
{
    /// <summary>The i-th answer field answers question i+1.</summary>
    public static IReadOnlyList<FormElement> AnswerFields(IssueForm form) => form.Fields.Where(f => f.Id != "quiz").ToList();

    public static Dictionary<string, IReadOnlyList<string>> FromKey(Quiz quiz, IssueForm form) =>
        Build(quiz, form, (question, field) => question.Kind switch
        {
            QuestionKind.SingleChoice => [Shown(field, question, question.CorrectOptions.Single())],
            QuestionKind.MultipleChoice => question.CorrectOptions.Select(i => Shown(field, question, i)).ToList(),
            QuestionKind.TrueFalse => [field.Options.Single(o => o.Equals(question.Answer.Single(), StringComparison.OrdinalIgnoreCase))],
            _ => [ShortAnswerFor(question)],
        });

    public static Dictionary<string, IReadOnlyList<string>> AllWrong(Quiz quiz, IssueForm form) =>
        Build(quiz, form, (question, field) => question.Kind switch
        {
            QuestionKind.SingleChoice =>
                [Shown(field, question, Enumerable.Range(0, field.Options.Count).First(i => !question.CorrectOptions.Contains(i)))],
            QuestionKind.MultipleChoice => Enumerable.Range(0, field.Options.Count).Where(i => !question.CorrectOptions.Contains(i))
                .Select(i => Shown(field, question, i)).ToList(),
            QuestionKind.TrueFalse => [field.Options.Single(o => !o.Equals(question.Answer.Single(), StringComparison.OrdinalIgnoreCase))],
            _ => ["certainly not the answer"],
        });

    /// <summary>An answer the accept patterns take, checked here with a plain anchored regex.</summary>
    public static string ShortAnswerFor(QuizQuestion question)
    {
        foreach (var pattern in question.Accept)
        {
            var example = PatternExample.Of(pattern);
            if (example is not null)
            {
                Assert.Matches(new Regex($"^(?:{pattern})$", RegexOptions.IgnoreCase), example);
                return example;
            }
        }

        Assert.Fail($"no example answer for question '{question.Id}' from {string.Join(", ", question.Accept)}");
        return "";
    }

    /// <summary>The form's label of the option authored at <paramref name="index"/>: a letter of its place, then its text.</summary>
    public static string Shown(FormElement field, QuizQuestion question, int index)
    {
        var text = Regex.Replace(question.Options[index], @"\s+", " ").Trim();
        return field.Options.Single(o => Regex.IsMatch(o, @"^[a-z]\) ") && o[3..] == text);
    }

    private static Dictionary<string, IReadOnlyList<string>> Build(
        Quiz quiz,
        IssueForm form,
        Func<QuizQuestion, FormElement, IReadOnlyList<string>> pick
    )
    {
        var fields = AnswerFields(form);
        Assert.Equal(quiz.Questions.Length, fields.Count);
        return quiz.Questions.Select((q, i) => (fields[i].Id!, pick(q, fields[i]))).ToDictionary(p => p.Item1, p => p.Item2);
    }
}
