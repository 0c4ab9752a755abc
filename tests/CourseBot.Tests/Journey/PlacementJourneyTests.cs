using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Writing;

namespace CourseBot.Tests.Journey;

[Collection(JourneyGroup.Name)]
public sealed class PlacementJourneyTests
{
    private const string Repository = "academy/celery-ada";

    [Fact]
    public async Task LearnerStartingAtPathTwo_IsPlacedByTheQuiz_ThenPathTwoOpens()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 13);
        const string Body =
            "### Path\n\nPath 2: Celery Professional\n\n### Pace\n\nFull-time (bootcamp style)\n\n### Start date\n\n_No response_";
        var enroll = harness.GitHub.OpenIssueAs(JourneyHarness.CourseRepository, "ada", "[Enroll] ada", Body, "enroll");
        await script.StepAsync(harness.IssueOpened(JourneyHarness.CourseRepository, enroll.Number, "ada", "[Enroll] ada", Body, "enroll"));

        var issues = harness.GitHub.State.Repos[Repository].Issues;
        var placement = Assert.Single(issues);
        Assert.Equal("Placement for Path 2: Celery Professional", placement.Title);
        Assert.Contains(
            "see [Placement for Path 2]",
            harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, enroll.Number).Single().Body,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "**Path 2 · Celery Professional**: 🔒 opens with your placement",
            harness.GitHub.ReadFile(Repository, "README.md"),
            StringComparison.Ordinal
        );

        var quiz = PlacementQuiz.For(CeleryCourse.Course, CeleryCourse.Course.FindPath("professional")!)!;
        var comment = harness.GitHub.CommentAs(Repository, placement.Number, "ada", "/quiz");
        await script.StepAsync(harness.Comment(Repository, placement.Number, comment, "ada", "/quiz"));
        Assert.Contains(
            $"{quiz.Quiz.Questions.Length} questions",
            harness.GitHub.CommentsOn(Repository, placement.Number)[^1].Body,
            StringComparison.Ordinal
        );

        var yaml = harness.GitHub.ReadFile(Repository, QuizFormWriter.Write(quiz.Module, quiz.Assessment, quiz.Quiz).Path)!;
        var body = IssueFormRenderer.Render(yaml, QuizAnswers.FromKey(quiz.Quiz, IssueForm.Parse(yaml)));
        var submitted = harness.GitHub.OpenIssueAs(Repository, "ada", "[Quiz] placement", body, LabelNames.Quiz);
        await script.StepAsync(harness.IssueOpened(Repository, submitted.Number, "ada", "[Quiz] placement", body, LabelNames.Quiz));

        Assert.Contains(
            "Placed: Path 2 opens now",
            harness.GitHub.CommentsOn(Repository, submitted.Number).Single().Body,
            StringComparison.Ordinal
        );
        Assert.Equal("closed", harness.GitHub.Issue(Repository, placement.Number)!.State);
        Assert.Contains(issues, i => i.Title.StartsWith("Module 13:", StringComparison.Ordinal) && i.State == "open");
        var placed = Assert.Single(await harness.History.ReadAsync(Repository, CancellationToken.None), e =>
            e.Kind == LearnerEventKinds.Placement
        );
        Assert.Equal("professional", placed.Subject);
        Assert.Contains("0 of 10 Path 2 modules passed", harness.GitHub.ReadFile(Repository, "README.md"), StringComparison.Ordinal);
    }
}
