using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// Writes a quiz as a GitHub issue form: a fixed <c>Quiz</c> dropdown naming the quiz, an intro, then per
/// question its prompt (a markdown element) and an answer field. Answer keys, accept patterns and
/// explanations never leave the bot, so nothing here reads them: the form reaches the learner's repository when an
/// attempt starts and is removed when it ends, but stays in the repository's git history.
/// </summary>
public static class QuizFormWriter
{
    public const int DefaultPassPercent = 80;
    /// <summary>The label every quiz issue gets. The quiz itself is known by the Quiz field: labels and titles can be changed.</summary>
    public const string IssueLabel = "coursebot:quiz";

    /// <summary>How the path of every quiz form in a learner's repository starts (<c>quiz-NN-id.yml</c> follows).</summary>
    public const string FormPrefix = ".github/ISSUE_TEMPLATE/quiz-";

    /// <param name="module">The module (or placement pseudo-module) the quiz belongs to.</param>
    /// <param name="assessment">The quiz's assessment.</param>
    /// <param name="quiz">The questions.</param>
    /// <param name="passPercent">The pass mark shown.</param>
    /// <param name="shuffle">The attempt's shuffle key: the options' order on this form (<see cref="OptionOrder"/>).</param>
    public static QuizForm Write(Module module, Assessment assessment, Quiz quiz, int? passPercent = null, string? shuffle = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(quiz);

        var path = string.Create(CultureInfo.InvariantCulture, $"{FormPrefix}{module.Number:00}-{assessment.Id}.yml");
        var count = quiz.Questions.Length;
        var pass = passPercent ?? assessment.PassPercent ?? DefaultPassPercent;

        var body = new YamlSequenceNode(QuizField(module, assessment), Markdown(Intro(count, assessment.TimeLimitMinutes, pass)));
        for (var i = 0; i < count; i++)
        {
            var question = quiz.Questions[i];
            var number = i + 1;
            body.Add(
                Markdown(string.Create(CultureInfo.InvariantCulture, $"**Question {number} of {count}**\n\n{question.Prompt.Trim()}\n"))
            );
            body.Add(AnswerField(number, question, shuffle));
        }

        var root = new YamlMappingNode
        {
            { "name", Text(string.Create(CultureInfo.InvariantCulture, $"Quiz - Module {module.Number:00}: {assessment.Title}")) },
            {
                "description",
                Text(string.Create(CultureInfo.InvariantCulture, $"{count} questions on {module.Title}. Pass mark {pass} %."))
            },
            { "title", Text(string.Create(CultureInfo.InvariantCulture, $"[Quiz] Module {module.Number:00}: {assessment.Title}")) },
            { "labels", new YamlSequenceNode(Text(IssueLabel)) },
            { "body", body },
        };
        return new QuizForm(path, Save(root));
    }

    private static YamlMappingNode QuizField(Module module, Assessment assessment) => new()
    {
        { "type", "dropdown" },
        { "id", QuizFormFields.QuizId },
        {
            "attributes", new YamlMappingNode
            {
                { "label", Text(QuizFormFields.QuizLabel) },
                { "description", Text("Leave this as it is: it tells CourseBot which quiz you are answering.") },
                { "options", new YamlSequenceNode(Text(QuizFormFields.QuizKey(module, assessment))) },
                { "default", Plain("0") },
            }
        },
        { "validations", Required(true) },
    };

    private static string Intro(int count, int? minutes, int pass)
    {
        var time = minutes is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"You have **{m} minutes**. ")
            : "";
        const string grading = "CourseBot grades your answers as soon as you submit and replies on this issue.";
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            This quiz has **{count} questions**. {time}Your attempt started with `/quiz` and ends at the time CourseBot gave in its
            reply: this form is removed then, and a new attempt shows the options in another order.

            You pass with **{pass} %** correct answers. A question you leave blank counts as wrong. {grading}
            """) + "\n";
    }

    // Answers are optional on purpose: a learner whose time runs out can still submit what they have.
    private static YamlMappingNode AnswerField(int number, QuizQuestion question, string? shuffle)
    {
        var label = QuizFormFields.AnswerLabel(number, question.Kind);
        var options = QuizFormFields.OptionLabels(question, shuffle);
        var attributes = new YamlMappingNode { { "label", Text(label) } };
        string type;
        switch (question.Kind)
        {
            case QuestionKind.MultipleChoice:
                type = "checkboxes";
                attributes.Add("options", new YamlSequenceNode(options.Select(o => new YamlMappingNode { { "label", Text(o) } })));
                break;
            case QuestionKind.SingleChoice or QuestionKind.TrueFalse:
                type = "dropdown";
                attributes.Add("options", new YamlSequenceNode(options.Select(Text)));
                break;
            default:
                type = "input";
                attributes.Add("placeholder", Text("Your answer"));
                break;
        }

        var field = new YamlMappingNode
        {
            { "type", type },
            { "id", QuizFormFields.AnswerId(number) },
            { "attributes", attributes },
        };
        if (type != "checkboxes")
        {
            // checkboxes have no field-level validations; their options could only be required one by one.
            field.Add("validations", Required(false));
        }

        return field;
    }

    private static YamlMappingNode Markdown(string value) => new()
    {
        { "type", "markdown" },
        { "attributes", new YamlMappingNode { { "value", Text(value) } } },
    };

    private static YamlMappingNode Required(bool required) => new() { { "required", Plain(required ? "true" : "false") } };

    /// <summary>
    /// Every text is quoted or a literal block: a plain <c>True</c>, <c>0</c> or <c>null</c> option would
    /// reach GitHub's YAML 1.1 parser as a boolean, number or nothing.
    /// </summary>
    private static YamlScalarNode Text(string value) =>
        new(value) { Style = value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted };

    private static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    private static string Save(YamlMappingNode root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var yaml = writer.ToString();
        // YamlStream ends the document with an explicit "..." marker; an issue template is one document.
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }
}
