using System.Net;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Webhooks;

/// <summary><c>coursebot serve</c>'s webhook URL over real HTTP: store, then 202; every bad request a clear 4xx.</summary>
public sealed class WebhookIngressTests : IAsyncLifetime, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-data-").FullName;
    private WebApplication _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;
        _bot = BotServer.Build(course, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
            ["CourseBot:Webhooks:MaxBodyBytes"] = "100000",
            ["CourseBot:DataDirectory"] = _data,
            ["CourseBot:Queue:IdlePoll"] = "00:00:00.020",
        });
        await _bot.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_bot.Urls.First()) };
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task SignedWebhook_Is202_AndProcessedFromTheQueue()
    {
        var delivery = Guid.NewGuid().ToString();
        using var response = await _http.SendAsync(WebhookRequests.Create(WebhookRequests.Ping, delivery: delivery));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"status":"queued"}""", await response.Content.ReadAsStringAsync());
        var inbox = _bot.Services.GetRequiredService<IDeliveryInbox>();
        var status = await WaitForAsync(async () =>
            await inbox.StatusAsync(delivery, CancellationToken.None) is { ProcessedAt: not null } s ? s : null
        );
        Assert.Equal("ping", status.Event);
    }

    [Fact]
    public async Task DuplicateDelivery_IsAcknowledgedButQueuedOnce()
    {
        var delivery = Guid.NewGuid().ToString();
        using var first = await _http.SendAsync(WebhookRequests.Create(WebhookRequests.Ping, delivery: delivery));
        using var second = await _http.SendAsync(WebhookRequests.Create(WebhookRequests.Ping, delivery: delivery));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Contains("duplicate delivery", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string, HttpStatusCode, string> BadRequests => new()
    {
        { "unsigned", HttpStatusCode.Unauthorized, "missing X-Hub-Signature-256 header" },
        { "wrong-secret", HttpStatusCode.Unauthorized, "signature does not match" },
        { "sha1-style", HttpStatusCode.Unauthorized, "signature does not match" },
        { "form-encoded", HttpStatusCode.BadRequest, "is not application/json" },
        { "no-event", HttpStatusCode.BadRequest, "missing X-GitHub-Event header" },
        { "malformed-json", HttpStatusCode.BadRequest, "body is not a JSON object" },
        { "json-null", HttpStatusCode.BadRequest, "body is not a JSON object" },
        { "too-large", HttpStatusCode.RequestEntityTooLarge, "payload larger than 100000 bytes" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_GetsAClear4xx(string kind, HttpStatusCode expected, string reason)
    {
        var big = "{\"x\":\"" + new string('a', 200_000) + "\"}";
        using var request = kind switch
        {
            "unsigned" => WebhookRequests.Create(WebhookRequests.Ping, signature: null),
            "wrong-secret" => WebhookRequests.Create(
                WebhookRequests.Ping,
                signature: WebhookRequests.Sign(WebhookRequests.Ping, "other-secret")
            ),
            "sha1-style" => WebhookRequests.Create(WebhookRequests.Ping, signature: "sha1=0123456789abcdef0123456789abcdef01234567"),
            "form-encoded" => WebhookRequests.Create(WebhookRequests.Ping, contentType: "application/x-www-form-urlencoded"),
            "no-event" => WebhookRequests.Create(WebhookRequests.Ping, eventName: ""),
            "malformed-json" => WebhookRequests.Create("{\"zen\": ", signature: WebhookRequests.Sign("{\"zen\": ")),
            "json-null" => WebhookRequests.Create("null", signature: WebhookRequests.Sign("null")),
            "too-large" => WebhookRequests.Create(big, signature: WebhookRequests.Sign(big)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var response = await _http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotWithoutSecret_RefusesWebhooks()
    {
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;
        await using var bot = BotServer.Build(
            course,
            "http://127.0.0.1:0",
            new Dictionary<string, string?> { ["CourseBot:DataDirectory"] = _data + "-nosecret" }
        );
        await bot.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        using var response = await http.SendAsync(WebhookRequests.Create(WebhookRequests.Ping));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Directory.Delete(_data + "-nosecret", recursive: true);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("condition not met within 5 s");
    }
}
