using System.Net;
using System.Text.Json;
using CourseBot.Tests.Journey;
using Microsoft.Data.Sqlite;

namespace CourseBot.Tests.Telemetry;

/// <summary><c>/readyz</c> on <c>coursebot serve</c>: the store and GitHub (the emulator) answer, or a 503 names which not.</summary>
public sealed class ServeReadinessTests
{
    [Fact]
    public async Task Readyz_IsReadyWithGitHubUp_Then503NamingGitHub_OnceItsCachedAnswerExpires()
    {
        await using var harness = await JourneyHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(harness.Bot.Urls.First()) };
        var (status, body) = await ReadyzAsync(http);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("failed").EnumerateArray());
        Assert.Contains("answered 200", Check(body, "github"), StringComparison.Ordinal);
        Assert.Contains("queue: 0 deliveries", Check(body, "store"), StringComparison.Ordinal);

        var calls = harness.GitHub.TotalCalls;
        await harness.GitHub.DisposeAsync();
        // Within 30 s the probe's answer is reused: GitHub is not asked again.
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(http)).Status);
        Assert.Equal(calls, harness.GitHub.TotalCalls);

        harness.Time.Offset += TimeSpan.FromSeconds(31);
        (status, body) = await ReadyzAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body.GetProperty("status").GetString());
        Assert.Equal(["github"], body.GetProperty("failed").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("installations?per_page=1 failed", Check(body, "github"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_503NamingTheStore_WhenTheSqliteFileIsUnreadable()
    {
        var noWorker = new Dictionary<string, string?> { ["CourseBot:Queue:Worker"] = "false" };
        await using var harness = await JourneyHarness.StartAsync(noWorker);
        using var http = new HttpClient { BaseAddress = new Uri(harness.Bot.Urls.First()) };
        var ready = await ReadyzAsync(http);
        Assert.True(ready.Status == HttpStatusCode.OK, ready.Body.ToString());

        // Tests run as root, which file modes do not stop: the file stops being a database instead.
        var database = Path.Combine(harness.DataDirectory, "coursebot.db");
        SqliteConnection.ClearAllPools();
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        await File.WriteAllBytesAsync(database, new byte[8192]);
        var (status, body) = await ReadyzAsync(http);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["store"], body.GetProperty("failed").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("the store did not answer", Check(body, "store"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_AnswersWhileReadyzDoesNot()
    {
        await using var harness = await JourneyHarness.StartAsync(new Dictionary<string, string?> { ["CourseBot:GitHub:AppId"] = "0" });
        using var http = new HttpClient { BaseAddress = new Uri(harness.Bot.Urls.First()) };

        Assert.StartsWith("ok", await http.GetStringAsync("/healthz"), StringComparison.Ordinal);
        var (status, body) = await ReadyzAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("no GitHub App is configured", Check(body, "github"), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static string Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name).GetProperty("detail").GetString()!;
}
