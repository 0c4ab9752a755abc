using System.Net;
using CourseBot.Core.GitHub;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourseBot.Tests.GitHub;

/// <summary>The resilience pipeline over real HTTP against a scripted GitHub: waits as told, retries what can succeed, nothing else.</summary>
public sealed class GitHubResilienceHandlerTests
{
    private static HttpClient Client(ScriptedGitHub github, GitHubResilienceOptions? options = null) =>
        new(new GitHubResilienceHandler(options ?? Fast(), TimeProvider.System, NullLogger<GitHubResilienceHandler>.Instance) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = github.BaseAddress,
        };

    private static GitHubResilienceOptions Fast() => new()
    {
        RetryBase = TimeSpan.FromMilliseconds(50),
        SecondaryLimitWait = TimeSpan.FromMilliseconds(300),
        ContentCreationSpacing = TimeSpan.Zero,
    };

    [Fact]
    public async Task RetryAfter_IsHonoured_AndNoRequestGoesOutWhileItIsPending()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        github.Then(429, new() { ["retry-after"] = "1" });
        using var http = Client(github);

        var first = http.GetAsync(new Uri("user", UriKind.Relative));
        await Task.Delay(150);
        var second = http.GetAsync(new Uri("repos/o/r", UriKind.Relative)); // sent while the retry-after is pending
        using var a = await first;
        using var b = await second;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a.StatusCode, b.StatusCode));
        var times = github.Requests.ToArray();
        Assert.Equal(3, times.Length);
        Assert.True(times[1].At - times[0].At >= TimeSpan.FromSeconds(0.95), $"next request {(times[1].At - times[0].At).TotalMilliseconds} ms after the 429");
        Assert.True(times[2].At - times[0].At >= TimeSpan.FromSeconds(0.95));
    }

    [Fact]
    public async Task PrimaryLimitExhausted_WaitsForTheReset()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        var reset = TimeProvider.System.GetUtcNow().AddSeconds(1).ToUnixTimeSeconds();
        github.Then(403, new() { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture) }, """{"message":"API rate limit exceeded"}""");
        using var http = Client(github);
        using var response = await http.GetAsync(new Uri("user", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var times = github.Requests.ToArray();
        Assert.True(times[1].At - times[0].At >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task SecondaryLimitWithoutHeaders_BacksOff()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        github.Then(403, body: """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}""");
        using var http = Client(github);
        using var response = await http.PostAsync(new Uri("repos/o/r/issues", UriKind.Relative), new StringContent("{\"title\":\"x\"}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var times = github.Requests.ToArray();
        Assert.True(times[1].At - times[0].At >= TimeSpan.FromMilliseconds(280));
    }

    [Fact]
    public async Task ServerErrors_AreRetried_ThenSucceed()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        github.Then(502).Then(503).Then(500);
        using var http = Client(github);
        using var response = await http.GetAsync(new Uri("user", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, github.Requests.Count);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(422)]
    [InlineData(401)]
    [InlineData(409)]
    public async Task OtherClientErrors_AreNeverRetried(int status)
    {
        await using var github = await ScriptedGitHub.StartAsync();
        github.Then(status, body: """{"message":"no"}""");
        using var http = Client(github);
        using var response = await http.GetAsync(new Uri("user", UriKind.Relative));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(github.Requests);
    }

    [Fact]
    public async Task PlainForbidden_IsNotRetried()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        github.Then(403, body: """{"message":"Resource not accessible by integration"}""");
        using var http = Client(github);
        using var response = await http.GetAsync(new Uri("user", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(github.Requests);
    }

    [Fact]
    public async Task ContentCreatingRequests_AreSpaced()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        var options = Fast();
        options.ContentCreationSpacing = TimeSpan.FromMilliseconds(300);
        using var spaced = Client(github, options);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => (await spaced.PostAsync(new Uri("repos/o/r/issues", UriKind.Relative), new StringContent("{}"))).Dispose()));
        var times = github.Requests.Select(r => r.At).Order().ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(280) && times[2] - times[1] >= TimeSpan.FromMilliseconds(280), string.Join(", ", times.Select(t => t.TotalMilliseconds)));
    }

    [Fact]
    public async Task PersistentFailure_GivesUpAfterMaxAttempts_ReturningTheLastResponse()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            github.Then(500);
        }

        var options = Fast();
        options.MaxAttempts = 3;
        using var http = Client(github, options);
        using var response = await http.GetAsync(new Uri("user", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(3, github.Requests.Count);
    }
}
