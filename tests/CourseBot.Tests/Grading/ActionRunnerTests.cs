using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Journey.History;
using CourseBot.Grading;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>The Action end to end: an OIDC token from a stand-in Actions runtime, the bundle from a real bot over HTTP, grading in the
/// sandbox.</summary>
[Collection(GradingTestGroup.Name)]
public sealed class ActionRunnerTests
{
    [Fact]
    public async Task Run_WithBot_GradesTheOpenLabsFromTheBundle()
    {
        await using var action = await BotBackedAction.StartAsync(Workspace.Curriculum, "demo/greeter-lab");
        using var workspace = new Workspace(GraderTests.GoodGreeter);
        var results = Path.Combine(Path.GetTempPath(), "coursebot-results-" + Guid.NewGuid().ToString("N"));
        var outputs = results + ".out";
        try
        {
            var (exit, log) = await action.RunAsync(workspace.Root, results, new GradingEnvironment(), outputs: outputs);

            Assert.True(exit == 0, log);
            Assert.Contains("Grading demo/greeter-lab: Greeter (4 checks, 5 points)", log, StringComparison.Ordinal);
            Assert.Contains("passed=true", File.ReadAllText(outputs), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(results, "demo-greeter-lab.json")));
            Assert.Contains("The bot recorded the result for demo/greeter-lab.", log, StringComparison.Ordinal);
            var history = await action.History.ReadAsync(action.Issuer.RunRepository, CancellationToken.None);
            var graded = Assert.Single(history, e => e.Kind == LearnerEventKinds.LabGraded);
            Assert.Equal((LearnerEventKinds.LabGraded, "demo/greeter-lab"), (graded.Kind, graded.Subject));
            Assert.Equal("987654", LearnerEventJson.Read<LabGraded>(graded)!.RunId);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
            File.Delete(outputs);
        }
    }

    [Fact]
    public async Task Run_WithoutIdTokenPermission_SaysWhatToFix()
    {
        var log = new StringWriter();
        using var http = new HttpClient();
        var exit = await ActionRunner.RunAsync(
            new ActionContext { Workspace = ".", BotUrl = new Uri("http://127.0.0.1:9/"), ResultDirectory = Path.GetTempPath() },
            new GradingEnvironment(), new SandboxOptions(), log, http, CancellationToken.None);
        Assert.Equal(2, exit);
        Assert.Contains("needs 'permissions: id-token: write'", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BotRefusesTheRepository_ReportsTheBotsReason()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        issuer.RunRepository = "course-org/not-enrolled";
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course! with { RootDirectory = Workspace.Curriculum };
        var settings = issuer.BotSettings("course-org/learner-ada", "demo/greeter-lab");
        settings["CourseBot:DataDirectory"] = Directory.CreateTempSubdirectory("coursebot-refused-").FullName;
        await using var bot = BotServer.Build(course, "http://127.0.0.1:0", settings);
        await bot.StartAsync();
        using var http = new HttpClient();
        var log = new StringWriter();
        var exit = await ActionRunner.RunAsync(
            new ActionContext
            {
                Workspace = ".",
                BotUrl = new Uri(bot.Urls.First() + "/"),
                Audience = TestOidcIssuer.Audience,
                TokenRequestUrl = issuer.TokenRequestUrl,
                TokenRequestToken = TestOidcIssuer.RequestToken,
                ResultDirectory = Path.Combine(Path.GetTempPath(), "coursebot-refused-" + Guid.NewGuid().ToString("N")),
            },
            new GradingEnvironment(), new SandboxOptions(), log, http, CancellationToken.None);
        Assert.Equal(2, exit);
        Assert.Contains("the bot refused the grading bundle (403): course-org/not-enrolled is not a learner repository this bot created",
            log.ToString(), StringComparison.Ordinal);
    }
}
