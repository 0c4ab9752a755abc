using System.Security.Cryptography;
using System.Text.Json;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.GitHub;
using CourseBot.Core.Storage;
using CourseBot.Core.Webhooks;
using CourseBot.GitHubEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourseBot.Tests.Emulator;

/// <summary>
/// 200 webhook-driven operations against an emulator that fails 10 % of requests with 5xx and
/// answers others with secondary limits (403, or 429 with retry-after): every operation completes,
/// none twice, and no request goes out while a retry-after is pending.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    private const string Secret = "fault-secret";
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-faults-").FullName;
    private readonly RSA _key = RSA.Create(2048);

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task TwoHundredOperations_UnderFaults_AllCompleteOnce()
    {
        await using var github = await GitHubEmulator.GitHubEmulator.StartAsync(new EmulatorOptions
        {
            ServerErrorRate = 0.10,
            SecondaryLimitRate = 0.06,
            SecondaryRetryAfter = TimeSpan.FromSeconds(1),
            ContentCreationPerMinute = 100_000,
        });
        var installation = github.AddInstallation("course-org");
        github.AddRepository("course-org", "learner-ada", new Dictionary<string, string> { ["README.md"] = "x" });
        using var factory = new GitHubClientFactory(
            new GitHubAppOptions
            {
                AppId = 1,
                PrivateKey = _key.ExportPkcs8PrivateKeyPem(),
                ApiBaseUrl = github.ApiBaseUrl,
            },
            new GitHubResilienceOptions
            {
                ContentCreationSpacing = TimeSpan.Zero,
                ContentCreationPerMinute = 100_000,
                RetryBase = TimeSpan.FromMilliseconds(20),
                SecondaryLimitWait = TimeSpan.FromMilliseconds(200),
                MaxAttempts = 8,
            },
            TimeProvider.System,
            NullLoggerFactory.Instance);
        var client = factory.ForInstallation(installation);
        var issue = await client.Issue.Create("course-org", "learner-ada", new Octokit.NewIssue("Module 1"));

        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;
        await using var bot = BotServer.Build(course, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["CourseBot:Webhooks:Secret"] = Secret,
            ["CourseBot:DataDirectory"] = _data,
            ["CourseBot:Queue:IdlePoll"] = "00:00:00.010",
            ["CourseBot:Queue:RetryBase"] = "00:00:00.050",
            ["CourseBot:Queue:MaxAttempts"] = "10",
        }, services => services.AddSingleton<IWebhookDispatcher>(new CommentingDispatcher(client, issue.Number)));
        await bot.StartAsync();

        var hook = new Uri(new Uri(bot.Urls.First()), WebhookEndpoints.Path);
        var deliveries = Enumerable.Range(0, 200).Select(i => $"op-{i:D3}").ToList();
        foreach (var id in deliveries)
        {
            var payload = JsonSerializer.Serialize(new { action = "created", operation = id });
            Assert.Equal(
                System.Net.HttpStatusCode.Accepted,
                await github.SendWebhookAsync(hook, Secret, "issue_comment", payload, deliveryId: id)
            );
        }

        var inbox = bot.Services.GetRequiredService<IDeliveryInbox>();
        for (var i = 0; i < 1200 && await inbox.PendingAsync(CancellationToken.None) > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await inbox.PendingAsync(CancellationToken.None));
        Assert.Empty(await inbox.DeadLettersAsync(CancellationToken.None));
        var comments = github.State.Repos["course-org/learner-ada"].Comments.Values.Select(c => c.Body).ToList();
        Assert.Equal(200, comments.Count);
        Assert.Equal(deliveries.Select(d => "done " + d).Order(), comments.Order());
        Assert.True(
            github.Calls.GetValueOrDefault("server-error") > 5,
            $"too few 5xx injected: {github.Calls.GetValueOrDefault("server-error")}"
        );
        Assert.True(
            github.Calls.GetValueOrDefault("secondary-limit") > 3,
            $"too few secondary limits injected: {github.Calls.GetValueOrDefault("secondary-limit")}"
        );
        Assert.Equal(0, github.RetryAfterViolations);
    }

    /// <summary>One GitHub write per delivery: a comment naming the operation.</summary>
    private sealed class CommentingDispatcher(Octokit.IGitHubClient client, int issue) : IWebhookDispatcher
    {
        public async Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancel)
        {
            using var json = JsonDocument.Parse(delivery.Body);
            var operation = json.RootElement.GetProperty("operation").GetString();
            await client.Issue.Comment.Create("course-org", "learner-ada", issue, "done " + operation);
        }
    }
}
