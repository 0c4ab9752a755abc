using System.Security.Cryptography;
using CourseBot.Core.GitHub;
using CourseBot.Core.Publishing;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Infrastructure;
using Octokit;

namespace CourseBot.Tests.Publishing;

/// <summary>An emulated organisation with the App installed, and publish pointed at it through Octokit over HTTP.</summary>
internal sealed class PublishHarness : IAsyncDisposable
{
    public const string Org = "celery-org";
    private readonly RSA _key = RSA.Create(2048);
    private GitHubClientFactory _factory = null!;

    private PublishHarness()
    {
    }

    public GitHubEmulator.GitHubEmulator GitHub { get; private set; } = null!;

    public long Installation { get; private set; }

    public IGitHubClient Client { get; private set; } = null!;

    public static GraderRelease Grader { get; } =
        new("1.0.0", new Uri("https://github.com/coursebot/coursebot/releases/download/v1.0.0"), new string('a', 64), new string('b', 64));

    /// <param name="asOwner">
    /// Publish with an organisation owner's token (not limited by the App's permissions, so it may create the instructors
    /// team, which the App's members: read cannot), as the README's publish does; otherwise as the App's installation.
    /// </param>
    public static async Task<PublishHarness> StartAsync(bool asOwner = false)
    {
        var harness = new PublishHarness();
        harness.GitHub = await GitHubEmulator.GitHubEmulator.StartAsync(new EmulatorOptions { GenerationDelay = TimeSpan.Zero });
        harness.Installation = harness.GitHub.AddInstallation(Org);
        harness._factory = EmulatorClients.For(harness.GitHub, harness._key);
        harness.Client = asOwner ? harness.OwnerClient() : harness._factory.ForInstallation(harness.Installation);
        return harness;
    }

    private GitHubClient OwnerClient()
    {
        var token = "ghp_owner" + Guid.NewGuid().ToString("N");
        GitHub.State.Tokens[token] = (Installation, GitHub.Time.GetUtcNow().AddHours(1));
        return new GitHubClient(new ProductHeaderValue("coursebot-tests"), GitHub.ApiBaseUrl)
        {
            Credentials = new Octokit.Credentials(token, AuthenticationType.Bearer),
        };
    }

    public static PublishSettings Settings(string sourceRoot) =>
        new(Org, new Uri("https://bot.example.org/"), Grader) { SourceRoot = sourceRoot };

    /// <summary>Calls that change something in the organisation (every method but GET; minting a token changes nothing there).</summary>
    public int Writes =>
        GitHub.Calls.Where(c => !c.Key.StartsWith("GET ", StringComparison.Ordinal) && c.Key != TokenRoute).Sum(c => c.Value);

    private const string TokenRoute = "POST /app/installations/{installation_id}/access_tokens";

    public Task<PublishPlan> PublishAsync(string sourceRoot, bool dryRun) =>
        new CoursePublisher(Client).PublishAsync(Settings(sourceRoot), dryRun);

    public string Head(string repository)
    {
        lock (GitHub.State.Gate)
        {
            var repo = GitHub.State.Repos[$"{Org}/{repository}"];
            return repo.Refs[repo.DefaultBranch];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        _factory.Dispose();
        _key.Dispose();
    }
}
