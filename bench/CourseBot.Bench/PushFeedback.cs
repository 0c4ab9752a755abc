using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Journey;
using CourseBot.Core.Journey.Forms;
using CourseBot.Core.Journey.History;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Storage;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Bench;

/// <summary>
/// Push to feedback: <c>coursebot serve</c> as shipped (SQLite, its worker on, default resilience settings) against the GitHub
/// emulator answering at GitHub's typical latencies (<see cref="LatencyProfile.Typical"/>). Learners are enrolled through the
/// queue as <c>coursebot enroll</c> does and module 1 put on record, so module 2's lab is open; then each learner's grading runs
/// post improving results (1, 3, 5, 7 of 7) with signed OIDC tokens, at a steady rate across learners
/// (<c>BENCH_GRADES_PER_MINUTE</c>), each learner's next one after the feedback of its last.
/// Each is timed from the POST to the moment the emulator holds both the new results comment and the new README.
/// </summary>
internal static class PushFeedback
{
    private const string Org = "academy";
    private const string Lab = "first-celery-app/first-app-lab";
    private static readonly double[] Steps = [1, 3, 5, 7];

    public static async Task RunAsync()
    {
        var learners = int.Parse(Environment.GetEnvironmentVariable("BENCH_LEARNERS") ?? "10", CultureInfo.InvariantCulture);
        // Default 15 grades a minute: about 40 content-creating calls a minute, half GitHub's secondary limit (80 a minute).
        var perMinute = double.Parse(Environment.GetEnvironmentVariable("BENCH_GRADES_PER_MINUTE") ?? "15", CultureInfo.InvariantCulture);
        var root = WebhookIngress.FindRoot();
        var course = CurriculumValidator.ValidateFolder(Path.Combine(root, "curriculum")).Course!;
        var rules = new LabRulesReader(Path.Combine(root, "curriculum")).Find(Lab)!;
        var data = Directory.CreateTempSubdirectory("coursebot-bench-feedback-").FullName;
        await using var github = await GitHubEmulator.GitHubEmulator
            .StartAsync(new EmulatorOptions { Latencies = LatencyProfile.Typical(), GenerationDelay = TimeSpan.FromSeconds(1) })
            .ConfigureAwait(false);
        var installation = github.AddInstallation(Org);
        github.AddRepository(Org, "celery-course", new Dictionary<string, string> { ["README.md"] = "# Celery course\n" });
        github.AddRepository(Org, "celery-learner-template", TemplateFiles(root), template: true);
        github.AddTeamMember(Org, "instructors", "grace");
        var logins = Enumerable.Range(1, learners).Select(i => $"learner{i:000}").ToList();
        logins.ForEach(l => github.AddOrgMember(Org, l));
        await using var issuer = await TestOidcIssuer.StartAsync().ConfigureAwait(false);
        await using var bot = StartBot(course, github, issuer, data);
        await bot.StartAsync().ConfigureAwait(false);
        var inbox = bot.Services.GetRequiredService<IDeliveryInbox>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"push-feedback ({learners} learners x {Steps.Length} grades of {Lab}; emulator at typical GitHub latencies: reads "
            + $"100-250 ms, writes 300-600 ms, commits 400-900 ms, tokens 150-350 ms; {Environment.ProcessorCount} cores)"));

        var setup = Stopwatch.StartNew();
        foreach (var login in logins)
        {
            var request = new EnrollmentRequest(login, course.Paths[0].Id, new JourneyOptions().DefaultPace,
                DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), null);
            await inbox.TryEnqueueAsync(QueuedLearnerChanges.Enroll(installation, request, "bench"), CancellationToken.None)
                .ConfigureAwait(false);
        }

        await DrainAsync(inbox).ConfigureAwait(false);
        var repos = logins.Select(l => $"{Org}/celery-{l}").ToList();
        foreach (var repo in repos)
        {
            await ModuleOnRecordAsync(bot, course, repo).ConfigureAwait(false);
        }

        await DrainAsync(inbox).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  setup: {learners} enrolled and module 1 on record in {setup.Elapsed.TotalSeconds:0.0} s"));

        using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        var runs = 0;
        async Task<double> GradeAsync(string repo, double points, ConcurrentQueue<(double At, string Call)>? chain)
        {
            var before = Observe(github, repo);
            var sha = Head(github, repo);
            var body = GradeResultBody.For(rules, Lab, sha, points);
            var token = issuer.Mint(repo, c =>
            {
                c["sha"] = sha;
                c["run_id"] = (200_000 + Interlocked.Increment(ref runs)).ToString(CultureInfo.InvariantCulture);
                c["repository_id"] = github.State.Repo(Org, repo.Split('/')[1])!.Id.ToString(CultureInfo.InvariantCulture);
                c["repository_owner_id"] = github.AccountId(Org).ToString(CultureInfo.InvariantCulture);
            });
            var start = Stopwatch.GetTimestamp();
            if (chain is not null)
            {
                github.Recorder = r =>
                    chain.Enqueue((Stopwatch.GetElapsedTime(start).TotalMilliseconds, $"{r.Method} {r.Route} {r.Status}"));
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grades")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"grade refused: {(int)response.StatusCode} "
                    + await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            }

            while (Observe(github, repo) is var now && (now.Readme == before.Readme || now.Comments == before.Comments))
            {
                if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromMinutes(2))
                {
                    throw new InvalidOperationException($"{repo}: no feedback 2 minutes after the grade of {points}");
                }

                await Task.Delay(5).ConfigureAwait(false);
            }

            github.Recorder = null;
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        // One grade alone first: the calls it makes and when, the latency chain.
        var alone = new ConcurrentQueue<(double At, string Call)>();
        var single = await GradeAsync(repos[0], Steps[0], alone).ConfigureAwait(false);
        await DrainAsync(inbox).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one grade alone: feedback in {single:0} ms, {alone.Count} GitHub calls, in order (ms after the POST, answered):"));
        foreach (var (at, call) in alone)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {at,6:0} {call}"));
        }

        var callsBefore = github.Calls.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        // Grades arrive at a steady rate across learners (slot k at k / rate), each learner's next after its last feedback.
        var interval = TimeSpan.FromMinutes(1) / perMinute;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(repos.Select(async (repo, i) =>
        {
            for (var step = 1; step < Steps.Length; step++)
            {
                var due = interval * (((step - 1) * repos.Count) + i);
                if (due - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait).ConfigureAwait(false);
                }

                latencies.Add(await GradeAsync(repo, Steps[step], null).ConfigureAwait(false));
            }
        })).ConfigureAwait(false);
        await DrainAsync(inbox).ConfigureAwait(false);
        var grades = latencies.Count;
        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {grades} grades at {perMinute:0} a minute from {learners} learners over {clock.Elapsed.TotalSeconds:0.0} s: "
            + $"grade to feedback p50 {At(0.5):0} ms, p95 {At(0.95):0} ms, max {sorted[^1]:0} ms (goal: p95 under 5000 ms)"));
        var calls = github.Calls.Select(c => (c.Key, N: c.Value - callsBefore.GetValueOrDefault(c.Key))).Where(c => c.N > 0)
            .OrderByDescending(c => c.N).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  GitHub calls per grade: {calls.Sum(c => c.N) / (double)grades:0.00}"));
        foreach (var (key, n) in calls)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {n / (double)grades,5:0.00} {key}"));
        }

        var dead = await inbox.DeadLettersAsync(CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dead letters: {dead.Count}"));
        await bot.StopAsync().ConfigureAwait(false);
        Directory.Delete(data, recursive: true);
    }

    private static WebApplication StartBot(Course course, GitHubEmulator.GitHubEmulator github, TestOidcIssuer issuer, string data)
    {
        using var key = RSA.Create(2048);
        var settings = issuer.BotSettings("none");
        settings["CourseBot:GitHub:AppId"] = "4242";
        settings["CourseBot:GitHub:PrivateKey"] = key.ExportPkcs8PrivateKeyPem();
        settings["CourseBot:GitHub:ApiBaseUrl"] = github.ApiBaseUrl.ToString();
        settings["CourseBot:Webhooks:Secret"] = "bench-secret";
        settings["CourseBot:DataDirectory"] = data;
        settings["CourseBot:Journey:CourseRepository"] = $"{Org}/celery-course";
        settings["CourseBot:Journey:TemplateRepository"] = $"{Org}/celery-learner-template";
        settings["Logging:LogLevel:Default"] = "Warning";
        return BotServer.Build(course, "http://127.0.0.1:0", settings);
    }

    /// <summary>Module 1 passed on record (its quiz and reviews) as the bot would have recorded them, then a sync through the queue.
    /// </summary>
    private static async Task ModuleOnRecordAsync(WebApplication bot, Course course, string repo)
    {
        var history = bot.Services.GetRequiredService<ILearnerEvents>();
        foreach (var assessment in course.Modules.Single(m => m.Number == 1).Assessments)
        {
            var (kind, data) = assessment.Grading == Core.Curriculum.Model.Grading.Quiz
                ? (LearnerEventKinds.QuizSubmitted, new JsonObject { ["counted"] = true, ["percent"] = 100 })
                : (LearnerEventKinds.ReviewApproved, new JsonObject { ["by"] = "grace" });
            await history.AppendAsync(repo, kind, $"{course.Modules.Single(m => m.Number == 1).Id}/{assessment.Id}",
                data.ToJsonString(), CancellationToken.None).ConfigureAwait(false);
        }

        await bot.Services.GetRequiredService<ILearnerChanges>().ChangedAsync(repo, "bench-module-1", CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>The learner's README on main and every comment the App wrote in the repository (id and body).</summary>
    private static (string? Readme, string Comments) Observe(GitHubEmulator.GitHubEmulator github, string repo)
    {
        var readme = github.ReadFile(repo, "README.md");
        lock (github.State.Gate)
        {
            var comments = github.State.Repos[repo].Comments.Values.Where(c => c.User == EmulatorState.AppUser)
                .Select(c => c.Id.ToString(CultureInfo.InvariantCulture) + ":" + c.Body);
            return (readme, string.Join("\n", comments));
        }
    }

    private static string Head(GitHubEmulator.GitHubEmulator github, string repo)
    {
        lock (github.State.Gate)
        {
            return github.State.Repos[repo].Refs["main"];
        }
    }

    private static async Task DrainAsync(IDeliveryInbox inbox)
    {
        var clock = Stopwatch.StartNew();
        while (await inbox.PendingAsync(CancellationToken.None).ConfigureAwait(false) > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new InvalidOperationException("the worker did not drain the queue in 10 minutes");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, string> TemplateFiles(string root)
    {
        var folder = Path.Combine(root, "templates", "learner");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }
}
