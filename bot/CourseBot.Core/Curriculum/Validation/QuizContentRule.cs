using System.Globalization;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>
/// Quiz and exam content (<c>modules/NN-id/quizzes/&lt;assessment-id&gt;.yml</c>) matches its
/// declaration and is answerable: keys among the options, no duplicate options or prompts,
/// explanations and references present, references in the Celery tree, short-answer patterns valid.
/// </summary>
internal sealed partial class QuizContentRule(CeleryTree tree) : ICurriculumRule
{
    private const int MaxOptions = 6;

    public void Check(Course course, DiagnosticBag bag)
    {
        var display = new DisplayPaths(course.RootDirectory);
        var prompts = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var module in course.Modules)
        {
            foreach (var quiz in module.Quizzes)
            {
                var assessment = module.Assessments.FirstOrDefault(a => a.Id == quiz.AssessmentId
                    && (a.Kind is AssessmentKind.Quiz or AssessmentKind.Exam || a.Grading == Grading.Quiz));
                if (assessment is null)
                {
                    bag.Add(
                        SourceLocation.OfFile(quiz.Location.File),
                        "",
                        $"quiz content for '{quiz.AssessmentId}', but module {module.Number} declares no quiz or exam with that id"
                    );
                    continue;
                }

                if (assessment.Questions is { } expected && quiz.Questions.Length != expected)
                {
                    bag.Add(
                        quiz.Location,
                        "questions",
                        $"has {quiz.Questions.Length} questions but "
                        + $"{display.Of(Path.Combine(module.Directory, CurriculumLoader.ModuleFile))} declares {expected} for "
                        + $"'{quiz.AssessmentId}'"
                    );
                }

                var ids = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < quiz.Questions.Length; i++)
                {
                    var question = quiz.Questions[i];
                    var field = string.Create(CultureInfo.InvariantCulture, $"questions[{i}]");
                    if (question.Id.Length > 0 && !ids.Add(question.Id))
                    {
                        bag.Add(question.Location, $"{field}.id", $"duplicate question id '{question.Id}'");
                    }

                    var prompt = Normalize(question.Prompt);
                    if (prompt.Length > 0 && !prompts.TryAdd(prompt, question.Location))
                    {
                        bag.Add(question.Location, $"{field}.prompt", $"the same question is asked at {prompts[prompt]}");
                    }

                    CheckKey(question, field, bag);
                    CheckReference(question, field, bag);
                }
            }
        }
    }

    private static void CheckKey(QuizQuestion q, string field, DiagnosticBag bag)
    {
        var hasOptions = q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (hasOptions)
        {
            if (q.Options.Length is < 2 or > MaxOptions)
            {
                bag.Add(
                    q.Location,
                    $"{field}.options",
                    $"a {Name(q.Kind)} question needs 2 to {MaxOptions} options, found {q.Options.Length}"
                );
            }

            foreach (var duplicate in q.Options.GroupBy(Normalize, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                bag.Add(q.Location, $"{field}.options", $"option '{duplicate.First()}' appears {duplicate.Count()} times");
            }

            foreach (var cop in q.Options.Where(o => CopOut().IsMatch(o)))
            {
                bag.Add(q.Location, $"{field}.options", $"option '{cop}' is not allowed: write the options out");
            }

            var letters = string.Join(", ", q.Options.Select((_, i) => QuizQuestion.Letter(i)));
            foreach (var key in q.Answer.Where(a => a.Length != 1 || a[0] - 'a' < 0 || a[0] - 'a' >= q.Options.Length))
            {
                bag.Add(q.Location, $"{field}.answer", $"key '{key}' is not among the options (expected one of {letters})");
            }

            if (q.Kind == QuestionKind.SingleChoice && (q.AnswerIsList || q.Answer.Length != 1))
            {
                bag.Add(q.Location, $"{field}.answer", "a single-choice question has exactly one key letter");
            }

            if (
                q.Kind == QuestionKind.MultipleChoice
                && (!q.AnswerIsList || q.Answer.Length == 0 || q.Answer.Distinct().Count() != q.Answer.Length)
            )
            {
                bag.Add(q.Location, $"{field}.answer", "a multiple-choice question lists its key letters once each, e.g. [a, c]");
            }
        }
        else if (!q.Options.IsEmpty && q.Kind != QuestionKind.Unknown)
        {
            bag.Add(q.Location, $"{field}.options", $"a {Name(q.Kind)} question has no options");
        }

        if (q.Kind == QuestionKind.TrueFalse && (q.AnswerIsList || q.Answer is not ["true"] and not ["false"]))
        {
            bag.Add(q.Location, $"{field}.answer", "a true-false question's key is true or false");
        }

        if (q.Kind == QuestionKind.ShortAnswer)
        {
            if (!q.Answer.IsEmpty)
            {
                bag.Add(q.Location, $"{field}.answer", "a short-answer question is keyed by accept patterns, not answer");
            }

            if (q.Accept.IsEmpty)
            {
                bag.Add(q.Location, $"{field}.accept", "a short-answer question needs at least one accept pattern");
            }

            foreach (var pattern in q.Accept)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    bag.Add(q.Location, $"{field}.accept", $"'{pattern}' is not a valid pattern: {ex.Message}");
                }
            }
        }
        else if (!q.Accept.IsEmpty && q.Kind != QuestionKind.Unknown)
        {
            bag.Add(q.Location, $"{field}.accept", $"only short-answer questions have accept patterns, not a {Name(q.Kind)} question");
        }
    }

    private void CheckReference(QuizQuestion q, string field, DiagnosticBag bag)
    {
        if (q.Reference.Length == 0)
        {
            return; // reported as missing by the loader
        }

        if (Uri.TryCreate(q.Reference, UriKind.Absolute, out var url))
        {
            if (url.Scheme != Uri.UriSchemeHttps)
            {
                bag.Add(q.Location, $"{field}.reference", $"'{q.Reference}' is not an https URL");
            }
        }
        else if (q.Reference.EndsWith('/') || !tree.Contains(q.Reference))
        {
            bag.Add(
                q.Location,
                $"{field}.reference",
                $"'{q.Reference}' is not a file in the Celery repository (checked against {CeleryTree.FileName})"
            );
        }
    }

    private static string Name(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "single-choice",
        QuestionKind.MultipleChoice => "multiple-choice",
        QuestionKind.TrueFalse => "true-false",
        _ => "short-answer",
    };

    private static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(all|none|both|neither) of (the )?(above|these)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex CopOut();
}
