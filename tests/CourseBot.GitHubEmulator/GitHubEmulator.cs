using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CourseBot.GitHubEmulator;

/// <summary>
/// A GitHub REST emulator on loopback with a GHES-style base URL (<c>/api/v3/</c>): stateful
/// installations, repositories (with asynchronous template generation), contents, git data, issues,
/// comments, labels, milestones, pulls, reviews, teams and invitations. It injects faults, enforces
/// GitHub's documented limits on its own clock, counts calls by endpoint, and sends signed webhooks.
/// </summary>
public sealed partial class GitHubEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Random _random;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Window, int Count)> _hourly = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _creations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _retryAfter = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt;
    private int _violations;
    private long _activity;
    private int _inFlight;

    private GitHubEmulator(WebApplication app, EmulatorOptions options, TimeProvider time)
    {
        _app = app;
        Options = options;
        Time = time;
        _random = new Random(options.Seed);
        // Installations are taken to date from the emulator's start.
        _startedAt = time.GetUtcNow();
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public EmulatorState State { get; } = new();

    /// <summary>Requests that arrived while a retry-after the emulator had sent to the same token was still pending.</summary>
    public int RetryAfterViolations => _violations;

    /// <summary>Calls by endpoint (<c>GET /repos/{owner}/{repo}</c>), including refused ones.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The permissions installation tokens' requests needed (<see cref="RoutePermissions"/>), refused requests included: what the
    /// App must ask for in its manifest to make the same calls on GitHub.
    /// </summary>
    public ConcurrentQueue<PermissionUse> PermissionsUsed { get; } = new();

    /// <summary>Every emulated route, as (method, OpenAPI path).</summary>
    public List<(string Method, string Path)> Routes { get; } = [];

    /// <summary>
    /// Called with every response a route sends (refusals and faults included), once it is written.
    /// Set it before the requests it should see; the schema test checks each body against GitHub's.
    /// </summary>
    public Action<RecordedResponse>? Recorder { get; set; }

    /// <summary>The web host's base URL, where the OAuth web flow's pages are (<c>/login/oauth/...</c>), as github.com's.</summary>
    public Uri WebBaseUrl => new(_app.Urls.First() + "/");

    /// <summary>
    /// Who is signed in to the emulated github.com: <c>/login/oauth/authorize</c> sends this user straight back to the App with a
    /// code, as GitHub does for a user who authorized the App before. Null: nobody, the authorize page stops there.
    /// </summary>
    public string? SignedInUser { get; set; }

    /// <summary>The REST base URL for Octokit (ends with <c>/api/v3/</c>).</summary>
    public Uri ApiBaseUrl => new(_app.Urls.First() + "/api/v3/");

    public int TotalCalls => Calls.Values.Sum();

    /// <summary>Requests being answered now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Moves whenever a request starts or ends: unchanged over a while, nothing has talked to the emulator.</summary>
    public long Activity => Interlocked.Read(ref _activity);

    public static async Task<GitHubEmulator> StartAsync(EmulatorOptions? options = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var emulator = new GitHubEmulator(app, options ?? new EmulatorOptions(), time ?? TimeProvider.System);
        var api = app.MapGroup("/api/v3");
        emulator.MapApp(api);
        emulator.MapAppRegistration(api);
        emulator.MapRepositories(api);
        emulator.MapGitData(api);
        emulator.MapIssues(api);
        emulator.MapPulls(api);
        emulator.MapOrganisations(api);
        emulator.MapCommits(api);
        emulator.MapPublishing(api);
        emulator.MapOAuth(app, api);
        await app.StartAsync().ConfigureAwait(false);
        return emulator;
    }

    /// <summary>An installation the App is installed on (an organisation account).</summary>
    public long AddInstallation(string account)
    {
        lock (State.Gate)
        {
            var id = State.NextId();
            State.Installations[id] = account;
            return id;
        }
    }

    /// <summary>A repository with files on its default branch (a template, or the course repository).</summary>
    public RepoState AddRepository(string owner, string name, IReadOnlyDictionary<string, string> files, bool template = false)
    {
        lock (State.Gate)
        {
            var repo = new RepoState(State.NextId(), owner, name)
            {
                IsTemplate = template,
                ReadyAt = DateTimeOffset.MinValue,
                CreatedAt = Time.GetUtcNow(),
            };
            var tree = files.ToDictionary(f => f.Key, f => State.StoreBlob(Encoding.UTF8.GetBytes(f.Value)), StringComparer.Ordinal);
            repo.Refs[repo.DefaultBranch] = State.StoreCommit(State.StoreTree(tree), null, "Initial commit", Time.GetUtcNow());
            State.Repos[repo.FullName] = repo;
            return repo;
        }
    }

    public void AddTeamMember(string org, string team, string user, string role = "member")
    {
        lock (State.Gate)
        {
            var teams = State.Teams.TryGetValue(org, out var t) ? t : State.Teams[org] = new(StringComparer.OrdinalIgnoreCase);
            var members = teams.TryGetValue(team, out var m) ? m : teams[team] = new(StringComparer.OrdinalIgnoreCase);
            members[user] = role;
        }

        AddOrgMember(org, user);
    }

    /// <summary>
    /// Makes <paramref name="user"/> a member of <paramref name="org"/> (role <c>member</c> or <c>admin</c>);
    /// <paramref name="state"/> <c>pending</c> is an invitation not accepted yet.
    /// </summary>
    public void AddOrgMember(string org, string user, string role = "member", string state = "active")
    {
        lock (State.Gate)
        {
            var members = State.OrgMembers.TryGetValue(org, out var m) ? m : State.OrgMembers[org] = new(StringComparer.OrdinalIgnoreCase);
            members.TryAdd(user, (role, state));
        }
    }

    /// <summary>The numeric id GitHub gives an account (user or organisation) in the emulator's responses.</summary>
    public long AccountId(string login) => Shapes.AccountId(login);

    /// <summary>Deletes a repository, as its owner would in the web interface (an actor, not a route the bot calls).</summary>
    public void DeleteRepository(string fullName)
    {
        lock (State.Gate)
        {
            State.Repos.Remove(fullName);
        }
    }

    /// <summary>A file's content on a branch as the emulator holds it (null when absent).</summary>
    public string? ReadFile(string fullName, string path, string? branch = null)
    {
        lock (State.Gate)
        {
            return State.Repos.GetValueOrDefault(fullName) is { } repo ? ReadFileLocked(repo, path, branch) : null;
        }
    }

    /// <summary>The paths of every file on a branch (the default one unless named), empty when there is none.</summary>
    public IReadOnlyList<string> Tree(string fullName, string? branch = null)
    {
        lock (State.Gate)
        {
            return State.Repos.GetValueOrDefault(fullName) is { } repo && repo.Refs.TryGetValue(branch ?? repo.DefaultBranch, out var head)
                ? [.. State.Trees[State.Commits[head].Tree].Keys.Order(StringComparer.Ordinal)]
                : [];
        }
    }

    /// <summary>Sends a webhook as GitHub does: JSON, event and delivery headers, HMAC-SHA256 signature.</summary>
    public async Task<System.Net.HttpStatusCode> SendWebhookAsync(
        Uri url,
        string secret,
        string eventName,
        string payload,
        string? deliveryId = null
    )
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add(
            "X-Hub-Signature-256",
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)))
        );
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/emulator");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        AddDelivery(eventName, (int)response.StatusCode, deliveryId: request.Headers.GetValues("X-GitHub-Delivery").First());
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    internal string BaseUrl => ApiBaseUrl.ToString();

    /// <summary>Registers a route with the behaviour every GitHub endpoint shares: counting, auth, limits, faults.</summary>
    private void Route(
        RouteGroupBuilder api,
        string method,
        string path,
        Func<HttpContext, Task<IResult>> handler,
        bool appAuth = false,
        bool userAuth = false)
    {
        Routes.Add((method, path));
        var key = $"{method} {path}";
        if (!RoutePermissions.ByRoute.ContainsKey(key))
        {
            throw new InvalidOperationException($"{key} has no entry in RoutePermissions: look up the permission GitHub documents for it");
        }

        api.MapMethods(path, [method], async (HttpContext context) =>
        {
            var result = await RespondAsync(context, key, method, handler, appAuth, userAuth).ConfigureAwait(false);
            return Recorder is { } recorder ? new RecordingResult(result, method, path, recorder) : result;
        });
    }

    private async Task<IResult> RespondAsync(
        HttpContext context,
        string key,
        string method,
        Func<HttpContext, Task<IResult>> handler,
        bool appAuth,
        bool userAuth
    )
    {
        Calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _activity);
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await AnswerAsync(context, key, method, handler, appAuth, userAuth).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _activity);
        }
    }

    private async Task<IResult> AnswerAsync(
        HttpContext context,
        string key,
        string method,
        Func<HttpContext, Task<IResult>> handler,
        bool appAuth,
        bool userAuth
    )
    {
        if (Options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(Options.Latency, Time).ConfigureAwait(false);
        }

        if (Options.Latencies is { } latencies)
        {
            await Task.Delay(latencies.Next(method, key), Time).ConfigureAwait(false);
        }

        var token =
            context.Request.Headers.Authorization.ToString() is var header
                && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || header.StartsWith("token ", StringComparison.OrdinalIgnoreCase)
                ? header[(header.IndexOf(' ', StringComparison.Ordinal) + 1)..]
                : null;
        // A route for user tokens (GET /user) takes only those; every other route only the App's JWT or installation tokens.
        var valid = token is not null && (userAuth
            ? State.UserTokens.TryGetValue(token, out var user) && user.Expires >= Time.GetUtcNow()
            : appAuth || (State.Tokens.TryGetValue(token, out var entry) && entry.Expires >= Time.GetUtcNow()));
        if (!valid)
        {
            return Results.Json(Shapes.Error("Bad credentials"), statusCode: 401);
        }

        if (!appAuth && !userAuth)
        {
            RecordPermissions(context, key);
            if (RefuseWithoutPermission(context, token!, key) is { } forbidden)
            {
                return forbidden;
            }
        }

        if (Refuse(context, token!, method) is { } refused)
        {
            return refused;
        }

        return await handler(context).ConfigureAwait(false);
    }

    private void RecordPermissions(HttpContext context, string key)
    {
        foreach (var (permission, access) in RoutePermissions.ByRoute[key])
        {
            PermissionsUsed.Enqueue(new PermissionUse(key, permission, access));
        }

        if (context.Request.Method == "PUT" && context.Request.RouteValues["path"] is string path && IsWorkflowFile(path))
        {
            WorkflowFilesTouched(key);
        }
    }

    /// <summary>GitHub refuses a change to a workflow file from a token without "Workflows" (write), whatever else it holds.</summary>
    internal void WorkflowFilesTouched(string key) => PermissionsUsed.Enqueue(new PermissionUse(key, "workflows", "write"));

    internal static bool IsWorkflowFile(string path) => path.TrimStart('/').StartsWith(".github/workflows/", StringComparison.Ordinal);

    /// <summary>Faults first (as a flaky network would), then the primary and secondary limits.</summary>
    private IResult? Refuse(HttpContext context, string token, string method)
    {
        var now = Time.GetUtcNow();
        if (_retryAfter.TryGetValue(token, out var until) && now < until)
        {
            Interlocked.Increment(ref _violations);
        }

        double roll;
        lock (_random)
        {
            roll = _random.NextDouble();
        }

        if (roll < Options.ServerErrorRate)
        {
            Calls.AddOrUpdate("server-error", 1, (_, n) => n + 1);
            return Results.Json(Shapes.Error("Server Error"), statusCode: 502);
        }

        var hour = _hourly.AddOrUpdate(
            token,
            _ => (now, 1),
            (_, w) => now - w.Window >= TimeSpan.FromHours(1) ? (now, 1) : (w.Window, w.Count + 1)
        );
        var remaining = Math.Max(0, Options.RequestsPerHour - hour.Count);
        context.Response.Headers["x-ratelimit-limit"] = Options.RequestsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-reset"] = (hour.Window + TimeSpan.FromHours(1))
            .ToUnixTimeSeconds()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (hour.Count > Options.RequestsPerHour)
        {
            return Results.Json(Shapes.Error("API rate limit exceeded for installation."), statusCode: 403);
        }

        if (method is "GET" or "HEAD" || context.Request.Path.Value?.EndsWith("/access_tokens", StringComparison.Ordinal) == true)
        {
            return null;
        }

        if (Options.EnforceContentCreationLimits)
        {
            return RefuseContentCreation(context, token, now);
        }

        var recent = _creations.GetOrAdd(token, _ => new Queue<DateTimeOffset>());
        lock (recent)
        {
            while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromMinutes(1))
            {
                recent.Dequeue();
            }

            var injected = roll < Options.ServerErrorRate + Options.SecondaryLimitRate;
            if (recent.Count >= Options.ContentCreationPerMinute || injected)
            {
                Calls.AddOrUpdate("secondary-limit", 1, (_, n) => n + 1);
                Interlocked.Increment(ref _secondaryLimitErrors);
                if (injected && roll < Options.ServerErrorRate + (Options.SecondaryLimitRate / 2))
                {
                    var seconds = (int)Math.Ceiling(Options.SecondaryRetryAfter.TotalSeconds);
                    context.Response.Headers["retry-after"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    // Clock resolution: a request arriving within 50 ms of the end is not counted as early.
                    _retryAfter[token] = now + TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(50);
                    return Results.Json(Shapes.Error("You have exceeded a secondary rate limit."), statusCode: 429);
                }

                return Results.Json(
                    Shapes.Error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again."),
                    statusCode: 403
                );
            }

            recent.Enqueue(now);
        }

        return null;
    }
}
