using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Quizzes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Every quiz of the real course goes the whole way: form YAML, a body rendered the way GitHub renders
/// a submitted form, parsing, grading.
/// </summary>
public sealed partial class QuizFormTests
{
    private static readonly HashSet<string> AllowedKeys =
    [
        "name",
        "description",
        "title",
        "labels",
        "body",
        "type",
        "id",
        "attributes",
        "validations",
        "label",
        "options",
        "value",
        "placeholder",
        "default",
        "required",
    ];

    public static TheoryData<string> Quizzes() => RealQuizzes.Keys();

    [Fact]
    public void RealCourse_HasEveryQuizAndTheFinalExam()
    {
        Assert.Equal(38, RealQuizzes.ByKey.Count);
        Assert.Equal(508, RealQuizzes.ByKey.Values.Sum(q => q.Quiz.Questions.Length));
        Assert.Equal(50, RealQuizzes.ByKey["course-review/final-exam"].Quiz.Questions.Length);
    }

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void Write_EveryQuiz_IsAnIssueFormWithUniqueIdsLabelsAndOptions(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var written = QuizFormWriter.Write(module, assessment, quiz);
        var form = IssueForm.Parse(written.Yaml);

        Assert.Equal($".github/ISSUE_TEMPLATE/quiz-{module.Number:00}-{assessment.Id}.yml", written.Path);
        Assert.Equal($"[Quiz] Module {module.Number:00}: {assessment.Title}", form.Scalar("title"));
        Assert.Equal(["coursebot:quiz"], ((YamlSequenceNode)form.Root["labels"]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.NotEmpty(form.Scalar("name"));
        Assert.NotEmpty(form.Scalar("description"));

        var first = form.Fields.First();
        Assert.Equal(("dropdown", "quiz", "Quiz", true), (first.Type, first.Id, first.Label, first.Required));
        Assert.Equal([key], first.Options);
        Assert.Same(first, form.Body[0]);

        var fields = form.Fields.ToList();
        Assert.Equal(quiz.Questions.Length + 1, fields.Count);
        Assert.All(fields, f => Assert.Matches(IdPattern(), f.Id!));
        Assert.Equal(fields.Count, fields.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Label)));
        Assert.Equal(fields.Count, fields.Select(f => f.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var field in fields.Where(f => f.Type is "dropdown" or "checkboxes"))
        {
            Assert.NotEmpty(field.Options);
            Assert.All(field.Options, o => Assert.False(string.IsNullOrWhiteSpace(o)));
            Assert.Equal(field.Options.Count, field.Options.Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain("None", field.Options);
            // A plain True or 0 would reach GitHub's YAML 1.1 parser as a boolean or a number.
            Assert.All(field.OptionNodes, o => Assert.NotEqual(ScalarStyle.Plain, o.Style));
        }
    }

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void Write_EveryQuiz_AsksEachQuestionInOrderWithTheRightField(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var form = IssueForm.Parse(QuizFormWriter.Write(module, assessment, quiz).Yaml);
        var n = quiz.Questions.Length;

        var intro = form.Body[1];
        Assert.Equal("markdown", intro.Type);
        Assert.Contains($"**{n} questions**", intro.Value);
        Assert.Contains("/quiz", intro.Value);
        Assert.Contains($"**{assessment.PassPercent ?? 80} %**", intro.Value);
        if (assessment.TimeLimitMinutes is { } minutes)
        {
            Assert.Contains($"**{minutes} minutes**", intro.Value);
        }

        for (var i = 0; i < n; i++)
        {
            var question = quiz.Questions[i];
            var prompt = form.Body[2 + (2 * i)];
            var field = form.Body[3 + (2 * i)];
            Assert.Equal("markdown", prompt.Type);
            Assert.StartsWith($"**Question {i + 1} of {n}**\n\n", prompt.Value);
            Assert.Contains(question.Prompt.Trim(), prompt.Value);
            var (type, label) = question.Kind switch
            {
                QuestionKind.SingleChoice or QuestionKind.TrueFalse => ("dropdown", $"Answer {i + 1}"),
                QuestionKind.MultipleChoice => ("checkboxes", $"Answer {i + 1} (select all that apply)"),
                _ => ("input", $"Answer {i + 1}"),
            };
            Assert.Equal((type, label), (field.Type, field.Label));
            var expected =
                question.Kind == QuestionKind.TrueFalse
                    ? ["True", "False"]
                    : question.Options.Select((o, j) => $"{(char)('a' + j)}) {o}").ToList();
            Assert.Equal(expected, field.Options);
        }
    }

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void Write_EveryQuiz_LeaksNoAnswerExplanationOrPattern(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var form = IssueForm.Parse(QuizFormWriter.Write(module, assessment, quiz).Yaml);
        var (keys, values) = Walk(form.Root);

        Assert.Empty(keys.Except(AllowedKeys));
        // A default on an answer field would preselect an option; only the quiz field has one.
        Assert.All(form.Fields.Skip(1), f => Assert.Null(f.Default));
        foreach (var question in quiz.Questions)
        {
            var explanation = Regex.Replace(question.Explanation, @"\s+", " ").Trim();
            Assert.DoesNotContain(values, v => Regex.Replace(v, @"\s+", " ").Contains(explanation, StringComparison.Ordinal));
            foreach (var pattern in question.Accept)
            {
                Assert.DoesNotContain(pattern, values);
                if (pattern.IndexOfAny(['\\', '(', '[', '?', '|', '*']) >= 0)
                {
                    Assert.DoesNotContain(values, v => v.Contains(pattern, StringComparison.Ordinal));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void Grade_BodyFromTheAnswerKey_Scores100Percent(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var yaml = QuizFormWriter.Write(module, assessment, quiz).Yaml;
        var body = IssueFormRenderer.Render(yaml, QuizAnswers.FromKey(quiz, IssueForm.Parse(yaml)));

        var submission = QuizSubmissionParser.Parse(body);
        var result = QuizGrader.Grade(quiz, submission);

        Assert.Empty(submission.Problems);
        Assert.Equal(key, submission.QuizKey);
        Assert.Equal(key, result.QuizKey);
        Assert.All(result.Questions, q =>
            Assert.True(
                q.Correct && q.Answered && q.Note is null,
                $"{q.Number} {q.QuestionId}: gave '{q.Given}', expected '{q.Expected}', note '{q.Note}'"
            )
        );
        Assert.Equal((quiz.Questions.Length, quiz.Questions.Length, 100.0), (result.Correct, result.Total, result.Percent));
        Assert.Empty(result.Problems);
        Assert.True(body.Length < 65_536, $"the body GitHub would write is {body.Length} characters, over its limit");
    }

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void Grade_BodyWithCrLfAndLowercaseChecks_StillScores100Percent(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var yaml = QuizFormWriter.Write(module, assessment, quiz).Yaml;
        var body = IssueFormRenderer
            .Render(yaml, QuizAnswers.FromKey(quiz, IssueForm.Parse(yaml)), "\r\n")
            .Replace("- [X] ", "- [x] ", StringComparison.Ordinal);

        var result = QuizGrader.Grade(quiz, QuizSubmissionParser.Parse(body));

        Assert.Equal(100.0, result.Percent);
    }

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void Grade_AllWrongAnswers_ScoresZero(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var yaml = QuizFormWriter.Write(module, assessment, quiz).Yaml;
        var body = IssueFormRenderer.Render(yaml, QuizAnswers.AllWrong(quiz, IssueForm.Parse(yaml)));

        var result = QuizGrader.Grade(quiz, QuizSubmissionParser.Parse(body));

        Assert.Equal((0, 0.0), (result.Correct, result.Percent));
        Assert.All(result.Questions, q => Assert.False(q.Correct, $"{q.Number} {q.QuestionId}: '{q.Given}' was graded right"));
        Assert.Empty(result.Problems);
    }

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void Grade_BlankForm_CountsEveryQuestionUnanswered(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var body = IssueFormRenderer.Render(
            QuizFormWriter.Write(module, assessment, quiz).Yaml,
            new Dictionary<string, IReadOnlyList<string>>()
        );

        var submission = QuizSubmissionParser.Parse(body);
        var result = QuizGrader.Grade(quiz, submission);

        Assert.Equal(key, submission.QuizKey);
        Assert.Equal(quiz.Questions.Length, submission.Answers.Count);
        Assert.All(submission.Answers.Values, a => Assert.True(a.IsBlank));
        Assert.All(result.Questions, q => Assert.False(q.Answered || q.Correct));
        Assert.Equal(quiz.Questions.Length, result.Unanswered);
        Assert.Equal(0, result.Correct);
    }

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void Grade_EditedBodyNamingOptionsNotInTheForm_IsWrongWithANote(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var yaml = QuizFormWriter.Write(module, assessment, quiz).Yaml;
        var form = IssueForm.Parse(yaml);
        var answers = QuizAnswers.FromKey(quiz, form);
        var body = IssueFormRenderer.Render(yaml, answers);
        var fields = QuizAnswers.AnswerFields(form);

        // Rewrite each choice answer the way a learner editing the issue could: the right letter, other text.
        var edited = new List<int>();
        for (var i = 0; i < quiz.Questions.Length; i++)
        {
            if (quiz.Questions[i].Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
            {
                var right = answers[fields[i].Id!][0];
                var section = $"### {fields[i].Label}\n\n";
                var at = body.IndexOf(section, StringComparison.Ordinal) + section.Length;
                var inSection = body.IndexOf(right, at, StringComparison.Ordinal);
                body = body[..inSection] + right[..3] + "something else" + body[(inSection + right.Length)..];
                edited.Add(i + 1);
            }
        }

        var result = QuizGrader.Grade(quiz, QuizSubmissionParser.Parse(body));

        Assert.NotEmpty(edited);
        foreach (var q in result.Questions)
        {
            if (edited.Contains(q.Number))
            {
                Assert.False(q.Correct);
                Assert.True(q.Answered);
                Assert.Contains("not among the question's options", q.Note ?? "", StringComparison.Ordinal);
            }
            else
            {
                Assert.True(q.Correct, $"{q.Number} was not edited");
            }
        }
    }

    [Fact]
    public void Write_TextsThatYamlTreatsSpecially_ComeBackUnchanged()
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey["intro-distributed-processing/quiz"];
        const string prompt =
            "  Given: \"quotes\", 'single', # not a comment, {a: b}, [x], &anchor *alias, !tag, %\n\n```python\n@app.task   \ndef add(x, "
            + "y):\n\treturn x + y\n```\nTrailing spaces   ";
        string[] options = ["True", "null", "0", "- dash: colon", "`code` | pipe", "@octocat #1"];
        var tricky = quiz with { Questions = [quiz.Questions[0] with { Prompt = prompt, Options = [.. options], Answer = ["a"] }] };

        var form = IssueForm.Parse(QuizFormWriter.Write(module, assessment, tricky).Yaml);

        Assert.Equal($"**Question 1 of 1**\n\n{prompt.Trim()}\n", form.Body[2].Value);
        Assert.Equal(options.Select((o, i) => $"{(char)('a' + i)}) {o}"), form.Body[3].Options);
        Assert.All(form.Body[3].OptionNodes, o => Assert.NotEqual(ScalarStyle.Plain, o.Style));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();

    private static (List<string> Keys, List<string> Values) Walk(YamlNode root)
    {
        var keys = new List<string>();
        var values = new List<string>();
        var pending = new Stack<YamlNode>([root]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (k, v) in map.Children)
                    {
                        keys.Add(((YamlScalarNode)k).Value!);
                        pending.Push(v);
                    }

                    break;
                case YamlSequenceNode seq:
                    seq.Children.ToList().ForEach(pending.Push);
                    break;
                case YamlScalarNode scalar:
                    values.Add(scalar.Value ?? "");
                    break;
            }
        }

        return (keys, values);
    }
}
