using System.Collections.Concurrent;
using CourseBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Octokit;
using Octokit.Internal;

namespace CourseBot.Core.GitHub;

/// <summary>
/// Makes Octokit clients: one per installation, kept for the life of the process, each behind
/// the resilience pipeline and asking the token cache for a fresh token on every request.
/// Handlers never create clients or hold secrets themselves.
/// </summary>
public sealed class GitHubClientFactory : IDisposable
{
    private static readonly ProductHeaderValue Product = new("coursebot", "1.0");
    private readonly GitHubAppOptions _options;
    private readonly GitHubResilienceOptions _resilience;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly CourseBotTelemetry? _telemetry;
    private readonly SocketsHttpHandler _transport = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    private readonly HttpClient _tokenHttp;
    private readonly ConcurrentDictionary<long, IGitHubClient> _clients = new();
    private GitHubClient? _appClient;

    /// <summary>
    /// The telemetry, when given, counts every call and keeps the rate limit GitHub reports (one-shot CLI commands
    /// pass none).
    /// </summary>
    public GitHubClientFactory(
        GitHubAppOptions options,
        GitHubResilienceOptions resilience,
        TimeProvider time,
        ILoggerFactory loggers,
        CourseBotTelemetry? telemetry = null)
    {
        _telemetry = telemetry;
        _options = options;
        _resilience = resilience;
        _time = time;
        _loggers = loggers;
        Jwt = new GitHubAppJwt(options, time);
        _tokenHttp = new HttpClient(Pipeline(_transport), disposeHandler: false) { BaseAddress = options.ApiBaseUrl };
        Tokens = new InstallationTokens(Jwt, _tokenHttp, time);
    }

    public GitHubAppJwt Jwt { get; }

    public InstallationTokens Tokens { get; }

    /// <summary>A client acting as the installation (repositories, issues, contents of that organisation).</summary>
    public IGitHubClient ForInstallation(long installationId) =>
        _clients.GetOrAdd(installationId, id => Create(
            new InstallationCredentials(Tokens, id),
            () => Pipeline(new InstallationTokenRefresher(Tokens, id) { InnerHandler = _transport })));

    /// <summary>A client acting as the App itself (listing installations, the manifest flow).</summary>
    public IGitHubClient ForApp() => _appClient ??= Create(new AppCredentials(Jwt), () => Pipeline(_transport));

    public void Dispose()
    {
        _tokenHttp.Dispose();
        _transport.Dispose();
        Jwt.Dispose();
    }

    private GitHubClient Create(ICredentialStore credentials, Func<HttpMessageHandler> pipeline) =>
        new GitHubClient(
            new Connection(Product, _options.ApiBaseUrl, credentials, new HttpClientAdapter(pipeline), new SimpleJsonSerializer())
        );

    // Clients live as long as the factory, which disposes the shared transport.
    private GitHubResilienceHandler Pipeline(HttpMessageHandler inner) =>
        new(_resilience, _time, _loggers.CreateLogger<GitHubResilienceHandler>(), _telemetry) { InnerHandler = inner };

    private sealed class InstallationCredentials(InstallationTokens tokens, long installationId) : ICredentialStore
    {
        public async Task<Credentials> GetCredentials() =>
            new(await tokens.GetAsync(installationId, CancellationToken.None).ConfigureAwait(false), AuthenticationType.Bearer);
    }

    private sealed class AppCredentials(GitHubAppJwt jwt) : ICredentialStore
    {
        public Task<Credentials> GetCredentials() => Task.FromResult(new Credentials(jwt.Create(), AuthenticationType.Bearer));
    }
}
