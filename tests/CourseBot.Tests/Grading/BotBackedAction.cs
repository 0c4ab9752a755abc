using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Storage;
using CourseBot.Grading;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Grading;

/// <summary>
/// The Action's entry point as a grading job runs it: an OIDC token from a stand-in Actions runtime, a real bot over
/// HTTP that serves the labs' bundle for a repository it enrolled (its ids recorded as enrollment records them), and
/// results sent back to it.
/// </summary>
internal sealed class BotBackedAction : IAsyncDisposable
{
    public const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private readonly string _data;

    private BotBackedAction(TestOidcIssuer issuer, WebApplication bot, string data)
    {
        Issuer = issuer;
        Bot = bot;
        _data = data;
    }

    public TestOidcIssuer Issuer { get; }

    public WebApplication Bot { get; }

    public ILearnerEvents History => Bot.Services.GetRequiredService<ILearnerEvents>();

    /// <summary>A bot on the course of <paramref name="curriculum"/> that has these labs open for the run's repository.</summary>
    public static async Task<BotBackedAction> StartAsync(string curriculum, params string[] labs)
    {
        var issuer = await TestOidcIssuer.StartAsync();
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course! with { RootDirectory = curriculum };
        var settings = issuer.BotSettings(issuer.RunRepository, labs);
        var data = Directory.CreateTempSubdirectory("coursebot-intake-").FullName;
        settings["CourseBot:DataDirectory"] = data;
        var bot = BotServer.Build(course, "http://127.0.0.1:0", settings);
        await bot.StartAsync();
        // The bot grades only repositories it enrolled (ids pinned at enrollment).
        await EnrolledRepository.RecordAsync(bot.Services.GetRequiredService<ILearnerEvents>(), issuer.RunRepository);
        return new BotBackedAction(issuer, bot, data);
    }

    /// <summary>Runs the Action's entry point on <paramref name="workspace"/>; the log is what the runner would print.</summary>
    public async Task<(int Exit, string Log)> RunAsync(
        string workspace, string results, GradingEnvironment environment, bool dryRun = false, string? outputs = null,
        SandboxOptions? sandbox = null)
    {
        using var http = new HttpClient();
        var log = new StringWriter();
        var exit = await ActionRunner.RunAsync(
            new ActionContext
            {
                Workspace = workspace,
                BotUrl = new Uri(Bot.Urls.First() + "/"),
                Audience = TestOidcIssuer.Audience,
                TokenRequestUrl = Issuer.TokenRequestUrl,
                TokenRequestToken = TestOidcIssuer.RequestToken,
                Sha = Sha,
                ResultDirectory = results,
                OutputFile = outputs,
                DryRun = dryRun,
            },
            environment,
            sandbox ?? new SandboxOptions(),
            log,
            http,
            CancellationToken.None);
        return (exit, log.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Issuer.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
