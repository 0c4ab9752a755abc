using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Quizzes;

namespace CourseBot.Tests.Journey;

/// <summary>Grading rules on a small hand-made quiz: each kind, hand-edited answers and hostile patterns.</summary>
public sealed class QuizGraderTests
{
    private static readonly SourceLocation Here = SourceLocation.OfFile("test.yml");

    private static readonly Quiz Quiz = new("quiz",
    [
        Question("single", QuestionKind.SingleChoice, ["Redis", "SQS", "RabbitMQ"], ["c"]),
        Question("multi", QuestionKind.MultipleChoice, ["one", "two", "three"], ["a", "c"]),
        Question("tf", QuestionKind.TrueFalse, [], ["false"]),
        Question("short", QuestionKind.ShortAnswer, [], [], accept: ["(--)?concurrency(\\s*=?\\s*\\d+)?", "-c"]),
    ], Here);

    [Fact]
    public void Grade_RightAnswersAsTheFormShowsThem_AreAllCorrect()
    {
        var result = Grade("c) RabbitMQ", ["a) one", "c) three"], "False", "  --CONCURRENCY=8 ");

        Assert.Equal((4, 4, 100.0), (result.Correct, result.Total, result.Percent));
        Assert.Equal(["c) RabbitMQ", "a) one; c) three", "False", "concurrency"], result.Questions.Select(q => q.Expected));
        Assert.Equal("m/quiz", result.QuizKey);
    }

    [Fact]
    public void Grade_MultipleChoice_NeedsExactlyTheRightSet()
    {
        Assert.False(Grade("c) RabbitMQ", ["a) one"], "False", "-c").Questions[1].Correct);
        Assert.False(Grade("c) RabbitMQ", ["a) one", "b) two", "c) three"], "False", "-c").Questions[1].Correct);
    }

    [Fact]
    public void Grade_ShortAnswer_MustMatchThePatternInFull()
    {
        var result = Grade("c) RabbitMQ", ["a) one", "c) three"], "False", "use concurrency");

        Assert.False(result.Questions[3].Correct);
        Assert.True(result.Questions[3].Answered);
    }

    [Fact]
    public void Grade_DropdownAnswerAsCheckboxes_IsWrongWithANote()
    {
        var submission = Submission(new() { [1] = new SubmittedAnswer("- [X] c) RabbitMQ", ["c) RabbitMQ"]) });

        var q = QuizGrader.Grade(Quiz, submission).Questions[0];

        Assert.False(q.Correct);
        Assert.Contains("not checkboxes", q.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_AnswersForQuestionsTheQuizDoesNotHaveAndAnotherQuizKey_AreProblems()
    {
        var submission = Submission(new() { [9] = new SubmittedAnswer("True", null) }) with { QuizKey = "m/other-quiz" };

        var result = QuizGrader.Grade(Quiz, submission);

        Assert.Contains("'Answer 9' was ignored: this quiz has 4 questions.", result.Problems);
        Assert.Contains(result.Problems, p => p.Contains("names another quiz", StringComparison.Ordinal));
        Assert.Equal(4, result.Unanswered);
    }

    [Fact]
    public void Grade_PatternThatBacktracksForever_TimesOutAsWrongWithANote()
    {
        var quiz = new Quiz("quiz", [Question("evil", QuestionKind.ShortAnswer, [], [], accept: ["(a|aa)+b"])], Here);
        var submission = Submission(new() { [1] = new SubmittedAnswer(new string('a', 200), null) });

        var q = QuizGrader.Grade(quiz, submission).Questions[0];

        Assert.False(q.Correct);
        Assert.Contains("took too long", q.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_ReferenceWithSection_CarriesTheSectionAfterAHash()
    {
        var result = Grade("a) Redis", [], "", "");

        Assert.Equal("docs/userguide/calling.rst#ETA and Countdown", result.Questions[0].Reference);
        Assert.Equal("Why.", result.Questions[0].Explanation);
    }

    private static QuizResult Grade(string single, string[] multi, string tf, string shortAnswer) =>
        QuizGrader.Grade(Quiz, Submission(new()
        {
            [1] = new SubmittedAnswer(single, null),
            [2] = new SubmittedAnswer(string.Join("\n", multi.Select(m => "- [X] " + m)), multi),
            [3] = new SubmittedAnswer(tf, null),
            [4] = new SubmittedAnswer(shortAnswer, null),
        }));

    private static QuizSubmission Submission(Dictionary<int, SubmittedAnswer> answers) => new("m/quiz", answers, []);

    private static QuizQuestion Question(string id, QuestionKind kind, string[] options, string[] answer, string[]? accept = null) =>
        new(id, kind, $"Prompt of {id}?", [.. options], [.. answer], kind == QuestionKind.MultipleChoice, (accept ?? []).ToImmutableArray(),
            "Why.", "docs/userguide/calling.rst", "ETA and Countdown", null, Here);
}
