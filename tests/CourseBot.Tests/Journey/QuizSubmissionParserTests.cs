using System.Text;
using CourseBot.Core.Journey.Quizzes;

namespace CourseBot.Tests.Journey;

/// <summary>Reading submitted quiz issues: what GitHub writes, what learners edit, and garbage.</summary>
public sealed class QuizSubmissionParserTests
{
    private const string GitHubBody =
        "### Quiz\r\n\r\nintro-distributed-processing/quiz\r\n\r\n"
        + "### Answer 1\r\n\r\na) It adds a message describing the task to a queue\r\n\r\n"
        + "### Answer 2 (select all that apply)\r\n\r\n- [X] a) Sending email\r\n- [ ] b) Checking a field\r\n- [x] c) Importing "
        + "data\r\n\r\n"
        + "### Answer 3\r\n\r\n_No response_\r\n\r\n"
        + "### Answer 4\r\n\r\nNone\r\n\r\n"
        + "### Answer 5 (select all that apply)\r\n\r\n- [ ] a) One\r\n- [ ] b) Two\r\n\r\n"
        + "### Answer 6\r\n\r\n  celery -A proj worker  ";

    [Fact]
    public void Parse_BodyAsGitHubWritesIt_ReadsKeyAndEveryAnswer()
    {
        var submission = QuizSubmissionParser.Parse(GitHubBody);

        Assert.Empty(submission.Problems);
        Assert.Equal("intro-distributed-processing/quiz", submission.QuizKey);
        Assert.Equal([1, 2, 3, 4, 5, 6], submission.Answers.Keys.Order());
        Assert.Equal(new SubmittedAnswer("a) It adds a message describing the task to a queue", null), submission.Answers[1]);
        Assert.Equal(["a) Sending email", "c) Importing data"], submission.Answers[2].Checked);
        Assert.True(submission.Answers[3].IsBlank);
        Assert.True(submission.Answers[4].IsBlank);
        Assert.True(submission.Answers[5].IsChecklist);
        Assert.True(submission.Answers[5].IsBlank);
        Assert.Equal("celery -A proj worker", submission.Answers[6].Text);
    }

    [Fact]
    public void Parse_SameFieldTwice_KeepsTheFirstAndSaysSo()
    {
        var body = "### Quiz\n\nm/quiz\n\n### Answer 1\n\nTrue\n\n### Answer 1\n\nFalse\n";

        var submission = QuizSubmissionParser.Parse(body);

        Assert.Equal("True", submission.Answers[1].Text);
        Assert.Contains(submission.Problems, p => p.Contains("'Answer 1' appears more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoQuizField_SaysTheQuizIsUnknown()
    {
        var submission = QuizSubmissionParser.Parse("### Answer 1\n\nTrue\n");

        Assert.Null(submission.QuizKey);
        Assert.Equal("True", submission.Answers[1].Text);
        Assert.Contains(submission.Problems, p => p.Contains("'Quiz' field is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AnUnclosedFenceTypedAsAnAnswer_ReportsTheFieldsItHides()
    {
        var body = "### Quiz\n\nm/quiz\n\n### Answer 1\n\n```\n\n### Answer 2\n\nTrue\n";

        var submission = QuizSubmissionParser.Parse(body);

        Assert.False(submission.Answers.ContainsKey(2));
        Assert.Contains(submission.Problems, p => p.StartsWith("'Answer 2' is inside a code block", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HeadingsInsideHtmlCommentsOrQuotes_AreNotFields()
    {
        var body = "### Quiz\n\nm/quiz\n\n### Notes\n\n<!--\n### Answer 1\n\nTrue\n-->\n\n> ### Answer 2\n>\n> False\n";

        var submission = QuizSubmissionParser.Parse(body);

        Assert.Empty(submission.Answers);
        Assert.Equal("m/quiz", submission.QuizKey);
    }

    [Fact]
    public void Parse_ExtraHeadingsAndClosingHashes_EndTheFieldAboveOnly()
    {
        var body = "### Quiz ###\n\nm/quiz\n\n### My notes\n\nI was unsure\n\n### Answer 1\n\nFalse\n";

        var submission = QuizSubmissionParser.Parse(body);

        Assert.Equal("m/quiz", submission.QuizKey);
        Assert.Equal("False", submission.Answers[1].Text);
        Assert.Empty(submission.Problems);
    }

    public static TheoryData<string?> HostileBodies() =>
    [
        null,
        "",
        "   \n\t\r\n",
        "plain text, no form at all",
        "###",
        "### \n\n",
        "### Answer 0\n\nx",
        "### Answer -1\n\nx",
        "### Answer 99999999999999999999\n\nx",
        "### Answer 1e3\n\nx",
        "### Quiz\n\n_No response_",
        "### Quiz\n\n",
        "\0\0### Quiz\0\n\n\0",
        "<script>alert(1)</script>\n### Quiz\n\n<img src=x onerror=alert(1)>",
        "<details><summary>### Quiz</summary>\n\n### Answer 1\n\n</details>",
        "```\n### Quiz\n\nkey\n",
        "~~~~\n### Answer 1\n~~~",
        "### Answer 1 (select all that apply)\n\n- [X]\n- [ ]\n- [x] \n- [y] z",
        "### Answer 1\n\n- [X] a\n\n   - [X] nested\n",
        "\uD800\uDC00\uD800 lone surrogates \uDFFF ### Quiz",
        "\u202E### Quiz\n\n\u200Bm/quiz",
        new string('>', 200_000) + " ### Quiz",
        new string('[', 200_000),
        string.Concat(Enumerable.Repeat("- ", 100_000)) + "### Answer 1",
        string.Concat(Enumerable.Repeat("### Answer 1\n\n", 10_000)),
        string.Concat(Enumerable.Repeat("```\n### Answer 1\n", 10_000)),
        string.Concat(Enumerable.Repeat("*_`<a ", 40_000)),
        new string('#', 262_144),
        new string('x', 1_048_576),
        Junk(1_048_576, seed: 1),
        Junk(200_000, seed: 2),
    ];

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public void Parse_HostileBody_NeverThrows(string? body)
    {
        var submission = QuizSubmissionParser.Parse(body);

        Assert.NotNull(submission.Answers);
        Assert.NotNull(submission.Problems);
        Assert.True(submission.QuizKey is not null || submission.Problems.Count > 0, "a submission without a quiz key must say why");
    }

    [Fact]
    public void Parse_OverlongBody_IsReportedNotRead()
    {
        var body = "### Quiz\n\nm/quiz\n\n" + new string('x', QuizSubmissionParser.MaxBodyLength);

        var submission = QuizSubmissionParser.Parse(body);

        Assert.Null(submission.QuizKey);
        Assert.Contains(submission.Problems, p => p.Contains("not read", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RandomFormFragments_NeverThrowAndGradeWithoutThrowing()
    {
        string[] fragments =
        [
            "### ", "Quiz", "Answer ", "1", "12", " (select all that apply)", "\n", "\r\n", "\n\n", "- [X] ", "- [ ] ", "a) ",
            "_No response_", "None", "```", "~~~", "<!--", "-->", "> ", "    ", "|", "`", "\\", "@octocat", "\0", "\uD83D", "💥", "#",
        ];
        var random = new Random(20240611);
        var quiz = RealQuizzes.ByKey["intro-distributed-processing/quiz"].Quiz;
        for (var i = 0; i < 3_000; i++)
        {
            var body = new StringBuilder();
            for (var j = random.Next(1, 80); j > 0; j--)
            {
                body.Append(fragments[random.Next(fragments.Length)]);
            }

            var submission = QuizSubmissionParser.Parse(body.ToString());
            var result = QuizGrader.Grade(quiz, submission);
            _ = QuizFeedbackWriter.Write(result, 80, showExplanations: i % 2 == 0, attempt: 1, nextStep: null);
        }
    }

    private static string Junk(int length, int seed)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0, 0x10000);
        }

        return new string(chars);
    }
}
