using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// Grades a parsed submission against the quiz's answer key: single and true/false need the right
/// option, multiple choice exactly the right set, a short answer a full match of any accept pattern.
/// An answer that names no option of the form is wrong, with a note saying so.
/// </summary>
public static class QuizGrader
{
    public static QuizResult Grade(Quiz quiz, QuizSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(submission);

        var problems = submission.Problems.ToList();
        if (submission.QuizKey is { } key && !key.EndsWith("/" + quiz.AssessmentId, StringComparison.Ordinal))
        {
            problems.Add(
                $"The '{QuizFormFields.QuizLabel}' field names another quiz than '{quiz.AssessmentId}', which these answers were "
                + $"graded against."
            );
        }

        var total = quiz.Questions.Length;
        foreach (var number in submission.Answers.Keys.Where(n => n > total).Order())
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'Answer {number}' was ignored: this quiz has {total} questions."));
        }

        var results = quiz.Questions
            .Select((question, i) => QuestionGrader.Grade(i + 1, question, submission.Answers.GetValueOrDefault(i + 1)))
            .ToList();
        var correct = results.Count(r => r.Correct);
        var percent = total == 0 ? 0 : 100.0 * correct / total;
        return new QuizResult(submission.QuizKey ?? "", correct, total, percent, results, problems);
    }

    private static class QuestionGrader
    {
        public static QuestionResult Grade(int number, QuizQuestion question, SubmittedAnswer? answer)
        {
            var options = QuizFormFields.OptionLabels(question);
            var result = new QuestionResult(number, question.Id, Correct: false, Answered: false, Given: "",
                Expected(question, options), question.Explanation, Reference(question), Note: null);
            if (answer is null || answer.IsBlank)
            {
                return result;
            }

            return question.Kind switch
            {
                QuestionKind.MultipleChoice => Several(result, question, options, answer),
                QuestionKind.SingleChoice or QuestionKind.TrueFalse => One(result, question, options, answer),
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
            QuestionResult result,
            QuizQuestion question,
            IReadOnlyList<string> options,
            SubmittedAnswer answer
        )
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

            var right = question.Kind == QuestionKind.TrueFalse
                ? (chosen == 0) == (question.Answer is ["true"])
                : question.CorrectOptions.SequenceEqual([chosen]);
            return result with { Answered = true, Given = given, Correct = right };
        }

        private static QuestionResult Several(
            QuestionResult result,
            QuizQuestion question,
            IReadOnlyList<string> options,
            SubmittedAnswer answer
        )
        {
            if (answer.Checked is not { } ticked)
            {
                var text = QuizFormFields.OneLine(answer.Text);
                return result with { Answered = true, Given = text, Note = "Expected ticked checkboxes (- [X] option), found other text." };
            }

            var chosen = ticked.Select(t => IndexOf(options, t, ignoreCase: false)).ToList();
            var unknown = chosen.Count(i => i < 0);
            var right = unknown == 0 && chosen.ToHashSet().SetEquals(question.CorrectOptions);
            var note =
                unknown == 0
                    ? null
                    : string.Create(
                        CultureInfo.InvariantCulture,
                        $"{unknown} ticked {(unknown == 1 ? "item is" : "items are")} not among the question's options, so the answer "
                        + $"cannot be right."
                    );
            return result with { Answered = true, Given = string.Join("; ", ticked), Correct = right, Note = note };
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

        private static string Expected(QuizQuestion question, IReadOnlyList<string> options) =>
            question.Kind switch
            {
                QuestionKind.TrueFalse => question.Answer is ["true"] ? QuizFormFields.True : QuizFormFields.False,
                QuestionKind.SingleChoice or QuestionKind.MultipleChoice => string.Join(
                    "; ",
                    question.CorrectOptions.Order().Select(i => options[i])
                ),
                QuestionKind.ShortAnswer => question.Accept.Select(PatternExample.Of).FirstOrDefault(e => e is not null)
                    ?? (question.Accept.IsEmpty ? "" : $"an answer matching {question.Accept[0]}"),
                _ => "",
            };

        /// <summary>A repository path carries its section after '#' (paths have no '#'); a URL is kept as it is.</summary>
        private static string Reference(QuizQuestion question) =>
            question.Section is { Length: > 0 } section && !Uri.TryCreate(question.Reference, UriKind.Absolute, out _)
                ? $"{question.Reference}#{section}"
                : question.Reference;
    }
}
