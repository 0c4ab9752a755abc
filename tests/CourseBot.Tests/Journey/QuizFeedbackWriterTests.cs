using System.Text.RegularExpressions;
using CourseBot.Core.Journey.Quizzes;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBot.Tests.Journey;

/// <summary>The reply to a graded quiz: score line, table, hidden or shown key, and learner text kept harmless.</summary>
public sealed class QuizFeedbackWriterTests
{
    private const string Key = "intro-distributed-processing/quiz";

    [Fact]
    public void Write_PassingScore_SaysPassedWithThePassMark()
    {
        var result = Result(8, 10);

        var feedback = QuizFeedbackWriter.Write(result, 80, showExplanations: false, attempt: 1, nextStep: null);

        Assert.Contains("**8 / 10 (80 %)** - passed, the pass mark is 80 %", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ScoreJustBelowThePassMark_IsNotRoundedUpToAPass()
    {
        var result = Result(7, 9) with { Percent = 100.0 * 7 / 9 };

        var feedback = QuizFeedbackWriter.Write(result, 78, showExplanations: false, attempt: 3, nextStep: "Try the **lab** next.");

        Assert.Contains("**7 / 9 (77.7 %)** - not passed yet, the pass mark is 78 %", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ExplanationsHidden_ShowsNoRightAnswerExplanationOrLink()
    {
        var (quiz, result) = GradedAllWrong();

        var feedback = QuizFeedbackWriter.Write(result, 80, showExplanations: false, attempt: 1, nextStep: null);

        Assert.DoesNotContain("Right answer |", feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("docs.celeryq.dev", feedback, StringComparison.Ordinal);
        Assert.All(quiz.Questions, q => Assert.DoesNotContain(OneLine(q.Explanation), feedback, StringComparison.Ordinal));
        Assert.All(result.Questions, q => Assert.DoesNotContain($"| {q.Expected} |", feedback, StringComparison.Ordinal));
        Assert.Contains(
            "Which answers were right, the right answers and explanations are shown once you pass this quiz.",
            feedback,
            StringComparison.Ordinal
        );
        // No mark per question before a pass: the learner's answers, and the topics to review.
        Assert.DoesNotContain("❌", feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", feedback, StringComparison.Ordinal);
        var rows = GfmTable.Rows(feedback);
        Assert.Equal(quiz.Questions.Length + 2, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, GfmTable.Cells(r).Count));
        Assert.Contains("Topics to review before your next attempt:", feedback, StringComparison.Ordinal);
        var topics = quiz
            .Questions.Where(q => q.Section is not null && q.Reference.EndsWith(".rst", StringComparison.Ordinal))
            .Select(q => q.Section!)
            .Distinct()
            .ToList();
        Assert.NotEmpty(topics);
        Assert.All(topics, t => Assert.Contains("- " + t, feedback, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_ExplanationsShown_GivesEachRightAnswerExplanationAndDocLink()
    {
        var (quiz, result) = GradedAllWrong();

        var feedback = QuizFeedbackWriter.Write(result, 80, showExplanations: true, attempt: 2, nextStep: null);

        var rows = GfmTable.Rows(feedback).Skip(2).ToList();
        Assert.Equal(quiz.Questions.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = GfmTable.Cells(rows[i]);
            Assert.Equal(5, cells.Count);
            Assert.Equal(((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "❌"), (cells[0], cells[1]));
            Assert.Equal(OneLine(result.Questions[i].Expected), cells[3]);
            Assert.StartsWith(OneLine(quiz.Questions[i].Explanation), cells[4], StringComparison.Ordinal);
            Assert.Matches(@"Read: \[[^\]]+\]\(https://docs\.celeryq\.dev/en/v5\.2\.6/[a-z/-]+\.html#[a-z0-9-]+\)$", cells[4]);
        }

        Assert.DoesNotContain("are shown once", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PipesInTheCoursesOwnText_DoNotSplitCells()
    {
        var question = new QuestionResult(
            1,
            "chain",
            false,
            true,
            "a) x",
            "b) `add.s(2) | add.s(4)`",
            "Use `a | b` or `a \\| b`.",
            "docs/userguide/canvas.rst#Chains",
            null
        );
        var result = new QuizResult(Key, 0, 1, 0, [question], []);

        var feedback = QuizFeedbackWriter.Write(result, 80, showExplanations: true, attempt: 1, nextStep: null);

        var cells = GfmTable.Cells(GfmTable.Rows(feedback)[2]);
        Assert.Equal(5, cells.Count);
        Assert.Equal("b) `add.s(2) | add.s(4)`", cells[3]);
        Assert.Contains("(https://docs.celeryq.dev/en/v5.2.6/userguide/canvas.html#chains)", cells[4], StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileAnswers() =>
    [
        "a | b",
        "`x` | `y`",
        "<script>alert(1)</script>",
        "@octocat look at this",
        "line one\nline two\n| --- | --- |\n| x | y |",
        "ends with a backslash \\",
        "\\| an escaped pipe \\\\|",
        "```` fences ```` and `",
        "`",
        "[link](https://evil.example) ![img](x) <https://evil.example>",
        "#1 closes it, @org/team, www.evil.example",
        "**bold** _it_ ~~gone~~ <!-- comment",
        "&lt;b&gt; &#124; &#64;octocat",
        "\u202Ereversed\u200B text\u0007",
        "|",
    ];

    [Theory]
    [MemberData(nameof(HostileAnswers))]
    public void Write_HostileAnswer_StaysInsideOneCodeSpanInItsCell(string hostile)
    {
        var question = new QuestionResult(1, "q", false, true, hostile, "a) right", "Because.", "docs/userguide/calling.rst", "A note.");
        var result = new QuizResult(Key, 0, 1, 0, [question], []);

        foreach (var show in new[] { false, true })
        {
            var feedback = QuizFeedbackWriter.Write(result, 80, show, attempt: 1, nextStep: null);

            var rows = GfmTable.Rows(feedback);
            Assert.Equal(3, rows.Count); // the answer's newlines made no rows
            var cells = GfmTable.Cells(rows[2]);
            Assert.Equal(show ? 5 : 2, cells.Count);
            var inlines = Inlines(cells[show ? 2 : 1]);
            var code = Assert.IsType<CodeInline>(inlines[0]);
            Assert.Equal(Displayed(hostile), code.Content.Replace("\u200B", "", StringComparison.Ordinal));
            Assert.Equal(" - A note.", string.Concat(inlines.Skip(1).Select(i => i.ToString())));
            Assert.DoesNotContain(inlines, i => i is HtmlInline or LinkInline or AutolinkInline or EmphasisInline);
        }
    }

    [Fact]
    public void Write_VeryLongAnswer_IsCutTo200Characters()
    {
        var question = new QuestionResult(1, "q", false, true, new string('y', 5_000), "a) right", "", "", null);

        var feedback = QuizFeedbackWriter.Write(new QuizResult(Key, 0, 1, 0, [question], []), 80, true, 1, null);

        var code = Assert.IsType<CodeInline>(Inlines(GfmTable.Cells(GfmTable.Rows(feedback)[2])[2])[0]);
        Assert.Equal(new string('y', 200) + "…", code.Content);
    }

    [Fact]
    public void Write_Unanswered_SaysNoAnswerAndCountsBlanks()
    {
        var blank = new QuestionResult(1, "q", false, false, "", "True", "", "", null);

        var feedback = QuizFeedbackWriter.Write(
            new QuizResult(Key, 0, 1, 0, [blank], ["The 'Quiz' field is missing."]),
            80,
            false,
            1,
            null
        );

        Assert.Contains("| 1 | _no answer_ |", feedback, StringComparison.Ordinal);
        Assert.Contains("You left 1 question blank", feedback, StringComparison.Ordinal);
        Assert.Contains("- The 'Quiz' field is missing.", feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "docs/getting-started/introduction.rst#What's a Task Queue?",
        "https://docs.celeryq.dev/en/v5.2.6/getting-started/introduction.html#what-s-a-task-queue",
        "What's a Task Queue?"
    )]
    [InlineData("docs/userguide/calling.rst", "https://docs.celeryq.dev/en/v5.2.6/userguide/calling.html", "userguide/calling.rst")]
    [InlineData(
        "celery/result.py#AsyncResult.get",
        "https://github.com/celery/celery/blob/v5.2.6/celery/result.py",
        "celery/result.py (AsyncResult.get)"
    )]
    [InlineData(
        "docs/sec/CELERYSA-0003.txt",
        "https://github.com/celery/celery/blob/v5.2.6/docs/sec/CELERYSA-0003.txt",
        "docs/sec/CELERYSA-0003.txt"
    )]
    [InlineData("https://redis.io/docs/latest/commands/set/", "https://redis.io/docs/latest/commands/set/", "redis.io")]
    public void ReferenceLink_PointsAtCelery526DocsOrSource(string reference, string url, string text)
    {
        var link = ReferenceLink.Of(reference);

        Assert.NotNull(link);
        Assert.Equal((url, text), (link.Value.Url.AbsoluteUri, link.Value.Text));
    }

    private static QuizResult Result(int correct, int total) =>
        new(
            Key,
            correct,
            total,
            100.0 * correct / total,
            Enumerable
                .Range(1, total)
                .Select(n => new QuestionResult(n, $"q{n}", n <= correct, true, "True", "True", "", "", null))
                .ToList(),
            []
        );

    private static (CourseBot.Core.Curriculum.Model.Quiz Quiz, QuizResult Result) GradedAllWrong()
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[Key];
        var yaml = QuizFormWriter.Write(module, assessment, quiz).Yaml;
        var body = IssueFormRenderer.Render(yaml, QuizAnswers.AllWrong(quiz, IssueForm.Parse(yaml)));
        return (quiz, QuizGrader.Grade(quiz, QuizSubmissionParser.Parse(body)));
    }

    private static List<Inline> Inlines(string cell)
    {
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(Markdown.Parse(cell)));
        return paragraph.Inline!.ToList();
    }

    /// <summary>What the learner should see: one line, no control or format characters.</summary>
    private static string Displayed(string text) =>
        OneLine(Regex.Replace(OneLine(text), @"[\p{Cc}\p{Cf}]", ""));

    private static string OneLine(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
