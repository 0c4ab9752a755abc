using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// Grades a parsed submission against the quiz's answer key: single and true/false need the right
/// option, multiple choice exactly the right set, a short answer a full match of any accept pattern.
/// An answer that names no option of the form is wrong, with a note saying so. A chosen option is mapped back from
/// its place on the attempt's form to its id (<see cref="OptionOrder"/>), which the key names.
/// </summary>
public static class QuizGrader
{
    /// <param name="quiz">The quiz with its key.</param>
    /// <param name="submission">The parsed issue.</param>
    /// <param name="shuffle">The attempt's shuffle key (null: the authored order, as attempts started before shuffling).</param>
    public static QuizResult Grade(Quiz quiz, QuizSubmission submission, string? shuffle = null)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(submission);

        var problems = submission.Problems.ToList();
        if (submission.QuizKey is { } key && !key.EndsWith("/" + quiz.AssessmentId, StringComparison.Ordinal))
        {
            problems.Add(
                $"The '{QuizFormFields.QuizLabel}' field names another quiz than '{quiz.AssessmentId}', which these answers were graded "
                + $"against."
            );
        }

        var total = quiz.Questions.Length;
        foreach (var number in submission.Answers.Keys.Where(n => n > total).Order())
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'Answer {number}' was ignored: this quiz has {total} questions."));
        }

        var results = quiz.Questions
            .Select((question, i) => QuestionGrader.Grade(i + 1, question, submission.Answers.GetValueOrDefault(i + 1), shuffle))
            .ToList();
        var correct = results.Count(r => r.Correct);
        var percent = total == 0 ? 0 : 100.0 * correct / total;
        return new QuizResult(submission.QuizKey ?? "", correct, total, percent, results, problems);
    }

    private static class QuestionGrader
    {
        public static QuestionResult Grade(int number, QuizQuestion question, SubmittedAnswer? answer, string? shuffle)
        {
            var options = QuizFormFields.OptionLabels(question, shuffle);
            var order = OptionOrder.Of(shuffle, question);
            var result = new QuestionResult(number, question.Id, Correct: false, Answered: false, Given: "",
                Expected(question, options, order), question.Explanation, Reference(question), Note: null);
            if (answer is null || answer.IsBlank)
            {
                return result;
            }

            return question.Kind switch
            {
                QuestionKind.MultipleChoice => Several(result, question, options, order, answer),
                QuestionKind.SingleChoice or QuestionKind.TrueFalse => One(result, question, options, order, answer),
                QuestionKind.ShortAnswer => Short(result, question, answer),
                _ => result with
                {
                    Answered = true,
                    Given = QuizFormFields.OneLine(answer.Text),
                    Note = "This question has an unknown kind and could not be graded.",
                },
            };
        }

        private static QuestionResult One(
            QuestionResult result, QuizQuestion question, IReadOnlyList<string> options, IReadOnlyList<int> order, SubmittedAnswer answer)
        {
            if (answer.Checked is { } ticked)
            {
                return result with
                {
                    Answered = true,
                    Given = string.Join("; ", ticked),
                    Note = "Expected one option from the dropdown, not checkboxes.",
                };
            }

            var given = QuizFormFields.OneLine(answer.Text);
            var chosen = IndexOf(options, given, question.Kind == QuestionKind.TrueFalse);
            if (chosen < 0)
            {
                return result with
                {
                    Answered = true,
                    Given = given,
                    Note = "This is not among the question's options, so it cannot be right.",
                };
            }

            if (question.Kind == QuestionKind.TrueFalse)
            {
                var truth = chosen == 0;
                var right = truth == (question.Answer is ["true"]);
                return result with { Answered = true, Given = given, Correct = right, Chosen = [truth ? "true" : "false"] };
            }

            var id = order[chosen];
            var correct = question.CorrectOptions.SequenceEqual([id]);
            return result with { Answered = true, Given = given, Correct = correct, Chosen = [QuizQuestion.Letter(id)] };
        }

        private static QuestionResult Several(
            QuestionResult result, QuizQuestion question, IReadOnlyList<string> options, IReadOnlyList<int> order, SubmittedAnswer answer)
        {
            if (answer.Checked is not { } ticked)
            {
                var text = QuizFormFields.OneLine(answer.Text);
                return result with { Answered = true, Given = text, Note = "Expected ticked checkboxes (- [X] option), found other text." };
            }

            var chosen = ticked.Select(t => IndexOf(options, t, ignoreCase: false)).Select(i => i < 0 ? -1 : order[i]).ToList();
            var unknown = chosen.Count(i => i < 0);
            var right = unknown == 0 && chosen.ToHashSet().SetEquals(question.CorrectOptions);
            var ids = chosen.Where(i => i >= 0).Distinct().Order().Select(QuizQuestion.Letter).ToList();
            var note =
                unknown == 0
                    ? null
                    : string.Create(
                        CultureInfo.InvariantCulture,
                        $"{unknown} ticked {(unknown == 1 ? "item is" : "items are")} not among the question's options, so the answer "
                        + $"cannot be right."
                    );
            return result with { Answered = true, Given = string.Join("; ", ticked), Correct = right, Note = note, Chosen = ids };
        }

        private static QuestionResult Short(QuestionResult result, QuizQuestion question, SubmittedAnswer answer)
        {
            var given = QuizFormFields.OneLine(answer.Text);
            var outcomes = question.Accept.Select(p => AnswerPattern.Match(given, p)).ToList();
            var note =
                given.Length > AnswerPattern.MaxAnswerLength
                    ? string.Create(
                        CultureInfo.InvariantCulture,
                        $"The answer is longer than {AnswerPattern.MaxAnswerLength} characters and was not checked."
                    )
                : outcomes.Contains(MatchOutcome.TimedOut) && !outcomes.Contains(MatchOutcome.Match)
                    ? "Checking this answer took too long and was stopped; it is counted as wrong."
                    : null;
            return result with { Answered = true, Given = given, Correct = outcomes.Contains(MatchOutcome.Match), Note = note };
        }

        private static int IndexOf(IReadOnlyList<string> options, string given, bool ignoreCase)
        {
            var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            for (var i = 0; i < options.Count; i++)
            {
                if (string.Equals(options[i], given, comparison))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The right options as this attempt's form showed them, in its order.</summary>
        private static string Expected(QuizQuestion question, IReadOnlyList<string> options, IReadOnlyList<int> order)
        {
            var places = order.ToList();
            return question.Kind switch
            {
                QuestionKind.TrueFalse => question.Answer is ["true"] ? QuizFormFields.True : QuizFormFields.False,
                QuestionKind.SingleChoice or QuestionKind.MultipleChoice =>
                    string.Join("; ", question.CorrectOptions.Select(id => places.IndexOf(id)).Order().Select(place => options[place])),
                QuestionKind.ShortAnswer => question.Accept.Select(PatternExample.Of).FirstOrDefault(e => e is not null)
                    ?? (question.Accept.IsEmpty ? "" : $"an answer matching {question.Accept[0]}"),
                _ => "",
            };
        }

        /// <summary>A repository path carries its section after '#' (paths have no '#'); a URL is kept as it is.</summary>
        private static string Reference(QuizQuestion question) =>
            question.Section is { Length: > 0 } section && !Uri.TryCreate(question.Reference, UriKind.Absolute, out _)
                ? $"{question.Reference}#{section}"
                : question.Reference;
    }
}
