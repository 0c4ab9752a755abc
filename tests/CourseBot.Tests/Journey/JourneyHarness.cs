using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CourseBot.Cli.Serve;
using CourseBot.Core.Storage;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Journey;

/// <summary>
/// The whole product on loopback: <c>coursebot serve</c> (real HTTP, SQLite, its queue worker)
/// talking through Octokit to the GitHub emulator, an OIDC issuer signing grading-run tokens, and
/// webhooks built from GitHub's own example payloads, signed and posted to the bot.
/// </summary>
internal sealed class JourneyHarness : IAsyncDisposable
{
    public const string Org = "academy";
    public const string CourseRepository = "academy/celery-course";
    public const string Template = "academy/celery-learner-template";
    public const string Secret = "journey-webhook-secret";

    /// <summary>Members of <see cref="Org"/> who enroll in the tests; anyone else is a passer-by.</summary>
    public static readonly string[] Learners = ["ada", "bob", "cleo", "dan"];
    private static readonly Core.LabGrading.LabRulesReader Labs = new(RepositoryPaths.Curriculum);
    private static readonly Lazy<JsonArray> Examples = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", "examples.json")))![
            "examples"
        ]!.AsArray()
    );

    private readonly string _data;
    private readonly HttpClient _http = new();
    private int _runs;

    private JourneyHarness(
        GitHubEmulator.GitHubEmulator github,
        TestOidcIssuer issuer,
        WebApplication bot,
        long installation,
        string data,
        ShiftedTime time
    )
    {
        Time = time;
        _data = data;
        GitHub = github;
        Issuer = issuer;
        Bot = bot;
        Installation = installation;
        _http.BaseAddress = new Uri(bot.Urls.First());
    }

    public GitHubEmulator.GitHubEmulator GitHub { get; }

    public TestOidcIssuer Issuer { get; }

    public WebApplication Bot { get; }

    public long Installation { get; }

    /// <summary>The bot's clock: the system clock plus an offset a test can move forward (delays stay real).</summary>
    public ShiftedTime Time { get; }

    /// <summary>The bot's data folder (its SQLite store), where <c>coursebot enroll</c> queues a roster.</summary>
    public string DataDirectory => _data;

    public IDeliveryInbox Inbox => Bot.Services.GetRequiredService<IDeliveryInbox>();

    public ILearnerEvents History => Bot.Services.GetRequiredService<ILearnerEvents>();

    /// <param name="extra">Bot settings that override the harness's.</param>
    /// <param name="emulator">Emulator options (default: generation takes 1 s).</param>
    /// <param name="services">Last word on the bot's services (the telemetry tests add an in-memory exporter).</param>
    /// <param name="urls">Where the bot listens (default: a free loopback port); a fixed one lets its public URL be its real one.</param>
    /// <param name="githubTime">The emulator's clock (default: the system's); the bot's is replaced through
    /// <paramref name="services"/>.</param>
    public static async Task<JourneyHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? extra = null,
        EmulatorOptions? emulator = null,
        Action<IServiceCollection>? services = null,
        string urls = "http://127.0.0.1:0",
        TimeProvider? githubTime = null)
    {
        var github = await GitHubEmulator.GitHubEmulator.StartAsync(
            emulator ?? new EmulatorOptions { GenerationDelay = TimeSpan.FromSeconds(1) }, githubTime
        );
        var installation = github.AddInstallation(Org);
        github.AddRepository(Org, "celery-course", new Dictionary<string, string> { ["README.md"] = "# Celery course\n" });
        github.AddRepository(Org, "celery-learner-template", TemplateFiles(), template: true);
        github.AddTeamMember(Org, "instructors", "grace");
        // The learners the tests enroll are members of the organisation (the default enrollment policy).
        foreach (var learner in Learners)
        {
            github.AddOrgMember(Org, learner);
        }

        var issuer = await TestOidcIssuer.StartAsync();
        using var key = RSA.Create(2048);
        var settings = issuer.BotSettings("none");
        var pem = key.ExportPkcs8PrivateKeyPem();
        var data = Directory.CreateTempSubdirectory("coursebot-journey-").FullName;
        foreach (var (name, value) in new Dictionary<string, string?>
        {
            ["CourseBot:GitHub:AppId"] = "4242",
            ["CourseBot:GitHub:PrivateKey"] = pem,
            ["CourseBot:GitHub:ApiBaseUrl"] = github.ApiBaseUrl.ToString(),
            ["CourseBot:GitHub:Resilience:ContentCreationSpacing"] = "00:00:00.005",
            // Journeys run on real time in seconds: GitHub's content-creation limits would hold them for minutes (the emulator
            // enforces them only when told, as EnrollmentPacingTests does).
            ["CourseBot:GitHub:Resilience:ContentCreationPerMinute"] = "100000",
            ["CourseBot:GitHub:Resilience:ContentCreationPerHour"] = "1000000",
            ["CourseBot:GitHub:Resilience:RetryBase"] = "00:00:00.050",
            ["CourseBot:Webhooks:Secret"] = Secret,
            ["CourseBot:DataDirectory"] = data,
            ["CourseBot:Queue:RetryBase"] = "00:00:00.100",
            ["CourseBot:Queue:IdlePoll"] = "00:00:00.020",
            ["CourseBot:Journey:CourseRepository"] = CourseRepository,
            ["CourseBot:Journey:TemplateRepository"] = Template,
            ["CourseBot:Journey:QuizCooldown"] = "00:00:00",
        })
        {
            settings[name] = value;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        var time = new ShiftedTime();
        var bot = BotServer.Build(CeleryCourse.Course, urls, settings, bot =>
        {
            bot.AddSingleton<TimeProvider>(time);
            services?.Invoke(bot);
        });
        await bot.StartAsync();
        return new JourneyHarness(github, issuer, bot, installation, data, time);
    }

    /// <summary>The learner template as committed in <c>templates/learner/</c>.</summary>
    public static Dictionary<string, string> TemplateFiles()
    {
        var root = Path.Combine(RepositoryPaths.Root, "templates", "learner");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }

    /// <summary>A webhook as GitHub sends it: <paramref name="eventName"/>'s example payload with <paramref name="edit"/>
    /// applied.</summary>
    public static (string Event, string Payload) Webhook(string eventName, string? action, string repository, Action<JsonObject> edit)
    {
        var example = Examples.Value.First(e => (string?)e!["event"] == eventName && (action is null || (string?)e["action"] == action))![
            "payload"
        ]!
            .DeepClone()
            .AsObject();
        var parts = repository.Split('/');
        var repo = example["repository"]!.AsObject();
        repo["full_name"] = repository;
        repo["name"] = parts[1];
        repo["owner"]!["login"] = parts[0];
        example["installation"] = new JsonObject { ["id"] = 0, ["node_id"] = "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
        edit(example);
        return (eventName, example.ToJsonString());
    }

    public (string Event, string Payload) IssueOpened(
        string repository,
        int number,
        string user,
        string title,
        string body,
        params string[] labels
    ) => Webhook("issues", "opened", repository, p =>
        {
            Installed(p);
            var issue = p["issue"]!.AsObject();
            issue["number"] = number;
            issue["title"] = title;
            issue["body"] = body;
            issue["user"]!["login"] = user;
            issue["user"]!["type"] = "User";
            issue["labels"] = new JsonArray([
                .. labels.Select(l =>
                    (JsonNode?)
                        new JsonObject
                        {
                            ["id"] = 1,
                            ["node_id"] = "L",
                            ["url"] = "https://x",
                            ["name"] = l,
                            ["color"] = "ededed",
                            ["default"] = false,
                            ["description"] = null,
                        }
                ),
            ]);
            Sender(p, user);
        });

    public (string Event, string Payload) Comment(string repository, int issue, long id, string user, string body) =>
        Webhook("issue_comment", "created", repository, p =>
        {
            Installed(p);
            p["issue"]!["number"] = issue;
            var comment = p["comment"]!.AsObject();
            comment["id"] = id;
            comment["body"] = body;
            comment["user"]!["login"] = user;
            comment["user"]!["type"] = "User";
            Sender(p, user);
        });

    public (string Event, string Payload) Pushed(
        string repository,
        string user,
        (string Before, string After, string Tree) push,
        params string[] modified
    ) => Webhook("push", null, repository, p =>
        {
            Installed(p);
            p["ref"] = "refs/heads/main";
            p["before"] = push.Before;
            p["after"] = push.After;
            var commit = (p["head_commit"] ?? p["commits"]![0])!.DeepClone().AsObject();
            commit["id"] = push.After;
            commit["tree_id"] = push.Tree;
            commit["added"] = new JsonArray();
            commit["removed"] = new JsonArray();
            commit["modified"] = new JsonArray([.. modified.Select(m => (JsonNode?)m)]);
            p["head_commit"] = commit;
            p["commits"] = new JsonArray(commit.DeepClone());
            Sender(p, user);
        });

    /// <summary>Posts a signed webhook with a fresh delivery id (a redelivery of the same event is a new delivery to the bot).</summary>
    public async Task SendAsync((string Event, string Payload) webhook)
    {
        var status = await GitHub.SendWebhookAsync(
            new Uri(Bot.Urls.First() + "/api/github/webhooks"),
            Secret,
            webhook.Event,
            webhook.Payload
        );
        Assert.Equal(System.Net.HttpStatusCode.Accepted, status);
    }

    /// <summary>
    /// The grading Action's last step: a result for <paramref name="sha"/> with one entry per check of
    /// the lab's own <c>lab.yml</c> (all passing, or the last one failing), posted with a grading-run
    /// token that carries the ids GitHub (the emulator) gave the repository.
    /// </summary>
    public async Task<int> GradeAsync(string repository, string lab, string sha, bool passed, Action<JsonObject>? claims = null)
    {
        var run = Interlocked.Increment(ref _runs);
        var rules = Labs.Find(lab) ?? throw new InvalidOperationException($"no lab {lab} in the curriculum");
        var tests = new JsonArray();
        foreach (var check in rules.Checks)
        {
            var ok = passed || check != rules.Checks[^1];
            tests.Add(new JsonObject
            {
                ["name"] = check.Name, ["kind"] = check.Kind, ["status"] = ok ? "passed" : "failed",
                ["score"] = ok ? check.Points : 0, ["max_score"] = check.Points, ["duration_ms"] = 900,
                ["message"] = ok ? null : "add(2, 2) returned <b>5</b> @grace", ["hint"] = ok ? null : "Define add in tasks.py",
                ["detail"] = ok ? null : "Traceback (most recent call last): assert add(2, 2) == 4",
            });
        }

        var result = new JsonObject
        {
            ["version"] = 1, ["lab"] = lab, ["sha"] = sha, ["status"] = passed ? "passed" : "failed",
            ["score"] = 0, ["max_score"] = rules.MaxScore,
            ["passed"] = passed, ["isolated"] = true, ["notes"] = new JsonArray(), ["tests"] = tests,
        };
        var parts = repository.Split('/');
        var repo = GitHub.State.Repo(parts[0], parts[1]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grades")
        {
            Content = new StringContent(result.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Mint(repository, c =>
        {
            c["sha"] = sha;
            c["run_id"] = (100000 + run).ToString(System.Globalization.CultureInfo.InvariantCulture);
            c["repository_id"] = repo?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";
            c["repository_owner_id"] = GitHub.AccountId(parts[0]).ToString(System.Globalization.CultureInfo.InvariantCulture);
            claims?.Invoke(c);
        }));
        using var response = await _http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>Waits until the bot's queue is empty, then checks nothing was dead-lettered.</summary>
    public async Task IdleAsync()
    {
        await DrainedAsync();
        var dead = await Inbox.DeadLettersAsync(CancellationToken.None);
        Assert.True(dead.Count == 0, string.Join("\n", dead.Select(d => $"{d.Event}: {d.Error}")));
    }

    /// <summary>Waits until the bot's queue is empty (dead letters allowed).</summary>
    public async Task DrainedAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await Inbox.PendingAsync(CancellationToken.None) > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "the bot's queue did not drain in 90 s");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.StopAsync();
        await Bot.DisposeAsync();
        await Issuer.DisposeAsync();
        await GitHub.DisposeAsync();
        _http.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Installed(JsonObject payload) => payload["installation"]!["id"] = Installation;

    private static void Sender(JsonObject payload, string user)
    {
        payload["sender"]!["login"] = user;
        payload["sender"]!["type"] = "User";
    }
}
