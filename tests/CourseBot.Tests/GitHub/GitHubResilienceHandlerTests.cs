using System.Net;
using CourseBot.Core.GitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CourseBot.Tests.GitHub;

/// <summary>
/// The resilience pipeline over real HTTP against a scripted GitHub: waits as told, retries what can succeed, nothing
/// else. Time is a <see cref="FakeTimeProvider"/> that the test moves on, so GitHub's own numbers (a minute for a
/// secondary limit) are tested as they are, and request times are read from the same fake clock.
/// </summary>
public sealed class GitHubResilienceHandlerTests
{
    private readonly FakeTimeProvider _time = new();

    private (HttpClient Http, GitHubResilienceHandler Handler) Client(ScriptedGitHub github, GitHubResilienceOptions? options = null)
    {
        var handler = new GitHubResilienceHandler(
            options ?? new GitHubResilienceOptions(), _time, NullLogger<GitHubResilienceHandler>.Instance)
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        return (new HttpClient(handler) { BaseAddress = github.BaseAddress }, handler);
    }

    [Fact]
    public async Task RetryAfter_IsHonoured_AndNoRequestGoesOutWhileItIsPending()
    {
        await using var github = await ScriptedGitHub.StartAsync(_time);
        github.Then(429, new() { ["retry-after"] = "1" });
        var (http, handler) = Client(github);
        using var _ = http;

        var first = http.GetAsync(new Uri("user", UriKind.Relative));
        await Until(() => handler.BlockedUntil > _time.GetUtcNow());
        var second = http.GetAsync(new Uri("repos/o/r", UriKind.Relative)); // sent while the retry-after is pending
        using var a = await Pump(first, TimeSpan.FromMilliseconds(100));
        using var b = await Pump(second, TimeSpan.FromMilliseconds(100));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a.StatusCode, b.StatusCode));
        var times = github.Requests.ToArray();
        Assert.Equal(3, times.Length);
        Assert.True(
            times[1].At - times[0].At >= TimeSpan.FromSeconds(1),
            $"retried {(times[1].At - times[0].At).TotalMilliseconds} ms later"
        );
        Assert.True(times[2].At - times[0].At >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PrimaryLimitExhausted_WaitsForTheReset_AndASecondMore()
    {
        await using var github = await ScriptedGitHub.StartAsync(_time);
        // The fake clock starts on a whole second (as does the scripted server's): the reset is one second from the start.
        var reset = _time.GetUtcNow().AddSeconds(1).ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>
        {
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        github.Then(403, headers, """{"message":"API rate limit exceeded"}""");
        var (http, _) = Client(github);
        using var client = http;
        using var response = await Pump(http.GetAsync(new Uri("user", UriKind.Relative)), TimeSpan.FromMilliseconds(100));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var times = github.Requests.ToArray();
        // The retry goes out no sooner than a second after the reset, on the clock the reset was read from.
        Assert.True(times[1].At >= TimeSpan.FromSeconds(2), $"retried at {times[1].At.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task SecondaryLimitWithoutHeaders_WaitsTheMinuteGitHubAsksFor()
    {
        await using var github = await ScriptedGitHub.StartAsync(_time);
        github.Then(
            403,
            body: """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}"""
        );
        var (http, _) = Client(github);
        using var client = http;
        var post = http.PostAsync(new Uri("repos/o/r/issues", UriKind.Relative), new StringContent("{\"title\":\"x\"}"));
        using var response = await Pump(post, TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var times = github.Requests.ToArray();
        Assert.True(times[1].At - times[0].At >= TimeSpan.FromSeconds(60), $"{(times[1].At - times[0].At).TotalSeconds} s");
    }

    [Fact]
    public async Task ServerErrors_AreRetried_WithGrowingBackoff_ThenSucceed()
    {
        await using var github = await ScriptedGitHub.StartAsync(_time);
        github.Then(502).Then(503).Then(500);
        var (http, _) = Client(github);
        using var client = http;
        using var response = await Pump(http.GetAsync(new Uri("user", UriKind.Relative)), TimeSpan.FromMilliseconds(100));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var times = github.Requests.Select(r => r.At).ToArray();
        Assert.Equal(4, times.Length);
        // 1 s, 2 s, 4 s, each with up to 20 % jitter either way.
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.8) && times[2] - times[1] >= TimeSpan.FromSeconds(1.6)
            && times[3] - times[2] >= TimeSpan.FromSeconds(3.2), string.Join(", ", times.Select(t => t.TotalSeconds)));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(422)]
    [InlineData(401)]
    [InlineData(409)]
    public async Task OtherClientErrors_AreNeverRetried(int status)
    {
        await using var github = await ScriptedGitHub.StartAsync(_time);
        github.Then(status, body: """{"message":"no"}""");
        var (http, _) = Client(github);
        using var client = http;
        using var response = await Pump(http.GetAsync(new Uri("user", UriKind.Relative)), TimeSpan.FromSeconds(1));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(github.Requests);
    }

    [Fact]
    public async Task PlainForbidden_IsNotRetried()
    {
        await using var github = await ScriptedGitHub.StartAsync(_time);
        github.Then(403, body: """{"message":"Resource not accessible by integration"}""");
        var (http, _) = Client(github);
        using var client = http;
        using var response = await Pump(http.GetAsync(new Uri("user", UriKind.Relative)), TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(github.Requests);
    }

    [Fact]
    public async Task ContentCreatingRequests_AreSpacedASecondApart()
    {
        await using var github = await ScriptedGitHub.StartAsync(_time);
        var (http, _) = Client(github);
        using var client = http;
        var posts = Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            (await http.PostAsync(new Uri("repos/o/r/issues", UriKind.Relative), new StringContent("{}"))).Dispose()));
        await Pump(posts.ContinueWith(_ => true, TaskScheduler.Default), TimeSpan.FromMilliseconds(100));
        await posts;
        var times = github.Requests.Select(r => r.At).Order().ToArray();
        Assert.True(
            times[1] - times[0] >= TimeSpan.FromSeconds(1) && times[2] - times[1] >= TimeSpan.FromSeconds(1),
            string.Join(", ", times.Select(t => t.TotalMilliseconds)));
    }

    [Fact]
    public async Task PersistentFailure_GivesUpAfterMaxAttempts_ReturningTheLastResponse()
    {
        await using var github = await ScriptedGitHub.StartAsync(_time);
        for (var i = 0; i < 10; i++)
        {
            github.Then(500);
        }

        var (http, _) = Client(github, new GitHubResilienceOptions { MaxAttempts = 3 });
        using var client = http;
        using var response = await Pump(http.GetAsync(new Uri("user", UriKind.Relative)), TimeSpan.FromMilliseconds(100));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(3, github.Requests.Count);
    }

    /// <summary>
    /// Moves the fake clock on by <paramref name="step"/> until <paramref name="work"/> ends. Real time passes only for
    /// the loopback I/O in between: every wait the handler takes is sat out on the fake clock.
    /// </summary>
    private async Task<T> Pump<T>(Task<T> work, TimeSpan step)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!work.IsCompleted)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(30), "the call never finished");
            await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System));
            _time.Advance(step);
        }

        return await work;
    }

    private static async Task Until(Func<bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "the condition never held");
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }
    }
}
