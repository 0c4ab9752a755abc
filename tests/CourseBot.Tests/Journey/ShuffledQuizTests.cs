using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Options shown per attempt in their own order: the key names options by id, the grader maps a learner's choice back
/// from its place on the attempt's form, the same attempt always grades the same, and attempts from before shuffling
/// (no shuffle key on record) grade in the authored order.
/// </summary>
public sealed class ShuffledQuizTests
{
    private const string Repository = "academy/celery-ada";

    public static TheoryData<string> Quizzes() => RealQuizzes.Keys();

    [Theory]
    [MemberData(nameof(Quizzes))]
    public void ShuffledForm_AnsweredFromTheKey_Scores100_AndRecordsTheKeysOptionIds(string key)
    {
        var (module, assessment, quiz) = RealQuizzes.ByKey[key];
        var shuffle = OptionOrder.KeyFor(Repository, key, 1);
        var yaml = QuizFormWriter.Write(module, assessment, quiz, shuffle: shuffle).Yaml;
        var body = IssueFormRenderer.Render(yaml, QuizAnswers.FromKey(quiz, IssueForm.Parse(yaml)));

        var result = QuizGrader.Grade(quiz, QuizSubmissionParser.Parse(body), shuffle);

        Assert.Equal(100.0, result.Percent);
        foreach (var (question, graded) in quiz.Questions.Zip(result.Questions))
        {
            var expected = question.Kind switch
            {
                QuestionKind.SingleChoice or QuestionKind.MultipleChoice => question.Answer.Order(StringComparer.Ordinal).ToList(),
                QuestionKind.TrueFalse => [question.Answer.Single()],
                _ => null,
            };
            Assert.Equal(expected, graded.Chosen);
        }

        // The same answers graded against the authored order are not all right: the places moved.
        var choice = quiz.Questions.Count(q => q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice);
        if (choice >= 3)
        {
            var unshuffled = QuizGrader.Grade(quiz, QuizSubmissionParser.Parse(body)).Percent;
            Assert.True(unshuffled < 100, "the shuffled form graded in the authored order scored 100 %");
        }
    }

    [Fact]
    public void Order_IsAPermutation_TheSameForTheSameKey_AndDiffersBetweenAttempts()
    {
        var questions = RealQuizzes.ByKey.Values.SelectMany(q => q.Quiz.Questions)
            .Where(q => q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice).ToList();
        var first = OptionOrder.KeyFor(Repository, "first-celery-app/quiz", 1);
        var second = OptionOrder.KeyFor(Repository, "first-celery-app/quiz", 2);
        var other = OptionOrder.KeyFor("academy/celery-bob", "first-celery-app/quiz", 1);
        Assert.Equal(3, new[] { first, second, other }.Distinct().Count());
        Assert.All(questions, q => Assert.Equal(Enumerable.Range(0, q.Options.Length), OptionOrder.Of(first, q).Order()));
        Assert.All(questions, q => Assert.Equal(OptionOrder.Of(first, q), OptionOrder.Of(first, q)));
        Assert.Equal(Enumerable.Range(0, questions[0].Options.Length), OptionOrder.Of(null, questions[0]));

        var moved = questions.Count(q => !OptionOrder.Of(first, q).SequenceEqual(OptionOrder.Of(second, q)));
        Assert.True(moved > questions.Count / 2, $"only {moved} of {questions.Count} questions changed order between attempts");
        // Where the right option lands is spread over the places, not kept at its authored letter.
        var atAuthoredPlace = questions.Count(q => q.CorrectOptions.All(id => OptionOrder.Of(first, q)[id] == id));
        Assert.True(atAuthoredPlace < questions.Count / 2, $"{atAuthoredPlace} of {questions.Count} right options stayed in place");
    }

    [Fact]
    public void AttemptStartedBeforeShuffling_ReadsWithoutAKey_AndGradesInTheAuthoredOrder()
    {
        var at = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var old = new LearnerEvent(7, Repository, LearnerEventKinds.QuizStarted, "first-celery-app/quiz", at,
            """{"deadline":"2026-12-01T10:30:00+00:00","comment":42}""");
        var attempt = Assert.Single(LearnerLedger.From(Repository, [old]).QuizStarts);
        Assert.Null(attempt.Shuffle);

        var (module, assessment, quiz) = RealQuizzes.ByKey["first-celery-app/quiz"];
        var yaml = QuizFormWriter.Write(module, assessment, quiz).Yaml; // the form committed at unlock by the bot of then
        var body = IssueFormRenderer.Render(yaml, QuizAnswers.FromKey(quiz, IssueForm.Parse(yaml)));
        Assert.Equal(100.0, QuizGrader.Grade(quiz, QuizSubmissionParser.Parse(body), attempt.Shuffle).Percent);
    }

    [Fact]
    public void GitBlobSha_IsGitsObjectId()
    {
        // `printf 'hello\n' | git hash-object --stdin`
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", GitBlob.Sha("hello\n"));
    }
}
