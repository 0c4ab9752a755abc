using System.Globalization;
using System.Net.Http.Headers;
using CourseBot.Core.GitHub;

namespace CourseBot.Core.Telemetry;

/// <summary>
/// Whether GitHub answers the App: <c>GET /app/installations?per_page=1</c> with the App's JWT (it proves the key
/// too, and costs no installation's rate limit). The answer is reused for <see cref="ReadinessOptions.GitHubCacheFor"/>, so probes
/// do not hammer GitHub. Its own client, without the resilience pipeline: a probe must fail fast, not wait out a
/// rate limit or retry with back-off.
/// </summary>
public sealed class GitHubReachability : IDisposable
{
    private const string Probe = "app/installations?per_page=1";
    private readonly GitHubAppOptions _app;
    private readonly ReadinessOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _probing = new(1, 1);
    private readonly Lazy<GitHubAppJwt> _jwt;
    private (ReadinessCheck Check, DateTimeOffset At)? _last;

    public GitHubReachability(GitHubAppOptions app, ReadinessOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(app);
        _app = app;
        _options = options;
        _time = time;
        _jwt = new Lazy<GitHubAppJwt>(() => new GitHubAppJwt(app, time));
        _http = new HttpClient { BaseAddress = app.ApiBaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("coursebot", "1.0"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
    }

    /// <summary>The cached answer while it is fresh, else a new probe (one at a time: concurrent probes share it).</summary>
    public async Task<ReadinessCheck> CheckAsync(CancellationToken cancel)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _probing.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } shared)
            {
                return shared;
            }

            var check = await ProbeAsync(cancel).ConfigureAwait(false);
            _last = (check, _time.GetUtcNow());
            return check;
        }
        finally
        {
            _probing.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _probing.Dispose();
        if (_jwt.IsValueCreated)
        {
            _jwt.Value.Dispose();
        }
    }

    private ReadinessCheck? Fresh() =>
        _last is { } last && _time.GetUtcNow() - last.At < _options.GitHubCacheFor ? last.Check : null;

    private async Task<ReadinessCheck> ProbeAsync(CancellationToken cancel)
    {
        const string Name = "github";
        if (!_app.IsConfigured)
        {
            return new ReadinessCheck(Name, false, "no GitHub App is configured (CourseBot:GitHub:AppId and PrivateKey)");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, Probe);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _jwt.Value.Create());
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var said = string.Create(CultureInfo.InvariantCulture, $"GET {_app.ApiBaseUrl}{Probe} answered {status}");
            var ok = response.IsSuccessStatusCode;
            return new ReadinessCheck(Name, ok, ok ? said : said + ": check the App's id and key");
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            var why = ex is OperationCanceledException ? $"no answer within {_options.Timeout.TotalSeconds:0.#} s" : ex.Message;
            return new ReadinessCheck(Name, false, $"GET {_app.ApiBaseUrl}{Probe} failed: {why}");
        }
    }
}
