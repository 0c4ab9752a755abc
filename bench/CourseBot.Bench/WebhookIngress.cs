using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Bench;

/// <summary>
/// Webhook ingress on loopback with signed payloads, CourseBot beside the anchors in the same run:
/// ours verifies, stores in SQLite (WAL) and acknowledges; Octokit.Webhooks.AspNetCore and Probot
/// verify and run their (empty) handler before answering. Open loop at 500 requests/s (the anchors'
/// rate) for latency, then closed loop with 32 connections for the maximum rate. The load client runs
/// in this process on the same 2 cores as the server under test.
/// </summary>
internal static class WebhookIngress
{
    private const string Secret = "bench-secret";

    public static async Task RunAsync()
    {
        var data = Directory.CreateTempSubdirectory("coursebot-bench-data-").FullName;
        var root = FindRoot();
        var course = CurriculumValidator.ValidateFolder(Path.Combine(root, "curriculum")).Course!;
        var body = File.ReadAllText(Path.Combine(root, "bench", "CourseBot.Bench", "push-payload.json"));
        var signature =
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"webhook-ingress ({body.Length:N0}-byte signed push payload, {Environment.ProcessorCount} cores; open loop 500 req/s for "
                + $"10 s, then 32 connections for 5 s)"
            )
        );

        // BENCH_WORKER=false measures the intake alone, for comparison; the figures quoted are with the worker on.
        var worker = Environment.GetEnvironmentVariable("BENCH_WORKER") != "false";
        await using (var bot = BotServer.Build(course, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["CourseBot:Webhooks:Secret"] = Secret,
            ["CourseBot:DataDirectory"] = data,
            ["CourseBot:Queue:Worker"] = worker ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }))
        {
            await bot.StartAsync().ConfigureAwait(false);
            var inbox = worker ? bot.Services.GetRequiredService<IDeliveryInbox>() : null;
            await MeasureAsync("CourseBot as shipped (verify, store in SQLite WAL, 202; its worker processing every delivery)",
                new Uri(bot.Urls.First()), body, signature, inbox).ConfigureAwait(false);
        }

        await using (var octokit = await IngressTargets.OctokitWebhooksAsync(Secret).ConfigureAwait(false))
        {
            await MeasureAsync(
                    "Octokit.Webhooks.AspNetCore 4.2.3 (verify, deserialize, dispatch, 200)",
                    new Uri(octokit.Urls.First()),
                    body,
                    signature
                )
                .ConfigureAwait(false);
        }

        var port = FreePort();
        using var probot = await IngressTargets.ProbotAsync(root, port, Secret).ConfigureAwait(false);
        try
        {
            await MeasureAsync("Probot 14.3.2 (verify, parse, dispatch, 200)", new Uri($"http://127.0.0.1:{port}"), body, signature)
                .ConfigureAwait(false);
        }
        finally
        {
            probot.Kill(entireProcessTree: true);
            await probot.WaitForExitAsync().ConfigureAwait(false);
        }

        Directory.Delete(data, recursive: true);
    }

    private static async Task MeasureAsync(string name, Uri target, string body, string signature, IDeliveryInbox? inbox = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = target };
        await Fire(http, body, signature, 200).ConfigureAwait(false); // warm-up

        var latencies = new List<double>();
        var interval = TimeSpan.FromSeconds(1.0 / 500);
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var i = 0; i < 5000; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            sends.Add(Timed(http, body, signature, latencies));
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
        var openLoop = clock.Elapsed;
        var afterOpenLoop = inbox is null ? null : await DrainAsync(inbox).ConfigureAwait(false);

        var count = 0;
        clock.Restart();
        var until = TimeSpan.FromSeconds(5);
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (clock.Elapsed < until)
            {
                await Send(http, body, signature).ConfigureAwait(false);
                Interlocked.Increment(ref count);
            }
        })).ConfigureAwait(false);
        var rate = count / clock.Elapsed.TotalSeconds;
        var afterClosedLoop = inbox is null ? null : await DrainAsync(inbox).ConfigureAwait(false);

        Console.WriteLine("  " + name);
        Console.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"    500 req/s for {openLoop.TotalSeconds:0.0} s: ")
                + Stats.Describe(latencies)
                + string.Create(CultureInfo.InvariantCulture, $", p99 {Percentile(latencies, 0.99):0.00} ms")
        );
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    max rate, 32 connections, 5 s: {rate:0} req/s"));
        if (afterOpenLoop is not null && afterClosedLoop is not null)
        {
            Console.WriteLine("    worker, after the 500 req/s run: " + afterOpenLoop);
            Console.WriteLine("    worker, after the max-rate run: " + afterClosedLoop);
        }
    }

    /// <summary>
    /// Waits for the worker to empty the queue: the backlog the burst left, how long it took to drain, and the worker's rate
    /// over the whole run (deliveries it completed per second from the first acknowledgement to the empty queue).
    /// </summary>
    private static async Task<string> DrainAsync(IDeliveryInbox inbox)
    {
        var backlog = await inbox.PendingAsync(CancellationToken.None).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        while (await inbox.PendingAsync(CancellationToken.None).ConfigureAwait(false) > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new InvalidOperationException("the worker did not drain the queue in 5 minutes");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return string.Create(CultureInfo.InvariantCulture, $"backlog {backlog} deliveries, drained in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Timed(HttpClient http, string body, string signature, List<double> latencies)
    {
        var start = Stopwatch.GetTimestamp();
        await Send(http, body, signature).ConfigureAwait(false);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        lock (latencies)
        {
            latencies.Add(ms);
        }
    }

    private static async Task Fire(HttpClient http, string body, string signature, int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Send(http, body, signature).ConfigureAwait(false);
        }
    }

    private static async Task Send(HttpClient http, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/github/webhooks")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", signature);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"ingress answered {(int)response.StatusCode}");
        }
    }

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CourseBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from the repository");
    }
}
