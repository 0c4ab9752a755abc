using System.Net;
using System.Text.Json;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Webhooks;

/// <summary>
/// GitHub's own example payloads (npm @octokit/webhooks-examples; see Fixtures/webhooks/extract.sh)
/// for every event the App subscribes to pass through ingress, queue and handler without error.
/// </summary>
public sealed class WebhookCorpusTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-corpus-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task EveryExample_IsAccepted_AndProcessedWithoutDeadLetters()
    {
        using var corpus = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", "examples.json"))
        );
        var examples = corpus.RootElement.GetProperty("examples").EnumerateArray().ToList();
        Assert.True(examples.Count >= 100, $"only {examples.Count} examples");

        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;
        await using var bot = BotServer.Build(course, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
            ["CourseBot:DataDirectory"] = _data,
            ["CourseBot:Queue:IdlePoll"] = "00:00:00.010",
            ["CourseBot:Queue:MaxAttempts"] = "1",
        });
        await bot.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        foreach (var example in examples)
        {
            var body = example.GetProperty("payload").GetRawText();
            using var response = await http.SendAsync(
                WebhookRequests.Create(body, eventName: example.GetProperty("event").GetString()!, signature: WebhookRequests.Sign(body))
            );
            Assert.True(
                response.StatusCode == HttpStatusCode.Accepted,
                $"{example.GetProperty("event")}/{example.GetProperty("action")}: {(int)response.StatusCode} "
                + $"{await response.Content.ReadAsStringAsync()}"
            );
        }

        var inbox = bot.Services.GetRequiredService<IDeliveryInbox>();
        for (var i = 0; i < 400 && await inbox.PendingAsync(CancellationToken.None) > 0; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(0, await inbox.PendingAsync(CancellationToken.None));
        var failed = await inbox.DeadLettersAsync(CancellationToken.None);
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(f => $"{f.Event}: {f.Error}")));
    }
}
