using System.Diagnostics;
using System.Net;
using CourseBot.Core.Storage;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Webhooks;

/// <summary><c>kill -9</c> of a real <c>coursebot serve</c> process between acknowledging and processing loses nothing.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-crash-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task KillMinus9_AfterAck_BeforeProcessing_EventIsProcessedAfterRestart()
    {
        var delivery = Guid.NewGuid().ToString();
        // First run: the queue worker is off, so the kill lands after the 202 and before any processing. The journal is off
        // here: this is the row-per-delivery path, stored in SQLite before the 202 (the journal path is the test below).
        await AckThenKillAsync(delivery, journal: false);

        var inbox = new SqliteDeliveryInbox(Path.Combine(_data, "coursebot.db"), TimeProvider.System);
        var stored = await inbox.StatusAsync(delivery, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Null(stored.ProcessedAt);

        await AssertProcessedAfterRestartAsync(delivery, inbox, journal: false);
    }

    [Fact]
    public async Task KillMinus9_RightAfterAck_ThroughTheJournal_EventIsProcessedAfterRestart()
    {
        var delivery = Guid.NewGuid().ToString();
        // SIGKILL at once: the record may still be only in the journal segment (the pump moves it within milliseconds).
        await AckThenKillAsync(delivery, journal: true);

        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_data, "journal"), "segment-*.log"));
        var inbox = new SqliteDeliveryInbox(Path.Combine(_data, "coursebot.db"), TimeProvider.System);
        await AssertProcessedAfterRestartAsync(delivery, inbox, journal: true);
    }

    /// <summary>Starts serve with its worker off, has it acknowledge <paramref name="delivery"/>, then SIGKILLs it.</summary>
    private async Task AckThenKillAsync(string delivery, bool journal)
    {
        var port = LoopbackPorts.Free();
        using var first = StartServe(port, worker: false, journal: journal);
        await WaitUntilUpAsync(port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var response = await http.SendAsync(WebhookRequests.Create(WebhookRequests.Ping, delivery: delivery));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        first.Kill(entireProcessTree: true); // SIGKILL
        await first.WaitForExitAsync();
    }

    private async Task AssertProcessedAfterRestartAsync(string delivery, SqliteDeliveryInbox inbox, bool journal)
    {
        using var second = StartServe(LoopbackPorts.Free(), worker: true, journal: journal);
        try
        {
            for (var i = 0; i < 300 && (await inbox.StatusAsync(delivery, CancellationToken.None))?.ProcessedAt is null; i++)
            {
                await Task.Delay(50);
            }

            Assert.NotNull((await inbox.StatusAsync(delivery, CancellationToken.None))?.ProcessedAt);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private Process StartServe(int port, bool worker, bool journal)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "coursebot.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "serve", "--urls", $"http://127.0.0.1:{port}", "--curriculum", RepositoryPaths.Curriculum })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CourseBot__Webhooks__Secret"] = WebhookRequests.Secret;
        info.Environment["CourseBot__DataDirectory"] = _data;
        info.Environment["CourseBot__Queue__Worker"] = worker ? "true" : "false";
        info.Environment["CourseBot__Queue__Journal"] = journal ? "true" : "false";
        info.Environment["CourseBot__Queue__IdlePoll"] = "00:00:00.050";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(int port)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("coursebot serve did not start within 15 s");
    }

}
