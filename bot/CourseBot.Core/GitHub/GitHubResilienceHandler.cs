using System.Globalization;
using CourseBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.GitHub;

/// <summary>
/// The resilience pipeline for every GitHub call. It honours <c>retry-after</c>; waits for
/// <c>x-ratelimit-reset</c> when <c>x-ratelimit-remaining</c> is 0; backs off on secondary limits
/// (403/429); spaces content-creating requests and keeps them within GitHub's content-creation limits
/// (<see cref="ContentCreationLimiter"/>); retries 5xx and timeouts with jittered exponential back-off; never retries
/// other 4xx. A pending wait is shared: while GitHub has asked us to wait, no request of this client goes out. Octokit
/// maps only some of these to exceptions, so the handler sits below it, on the HttpClient.
/// Kept rather than built on Microsoft.Extensions.Http.Resilience: its retry honours a response's own
/// retry-after, but the rules here (a wait every request of the client shares, x-ratelimit-reset, the
/// secondary limit told only in a 403's body, spacing for content-creating methods only, giving up past
/// <see cref="GitHubResilienceOptions.MaxWait"/> for the queue to retry) would each be a custom strategy
/// around this same code.
/// </summary>
/// <remarks>
/// The telemetry, when given, is told of every attempt that went out (retries are calls too) and the rate limit it
/// reported.
/// </remarks>
public sealed partial class GitHubResilienceHandler(
    GitHubResilienceOptions options, TimeProvider time, ILogger<GitHubResilienceHandler> logger, CourseBotTelemetry? telemetry = null)
    : DelegatingHandler
{
    private readonly SemaphoreSlim _spacing = new(1, 1);
    private readonly ContentCreationLimiter _limiter = new(options, time);
    private readonly Lock _gate = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _lastContentCreation = DateTimeOffset.MinValue;

    /// <summary>Until when the handler holds every request back (for tests and health).</summary>
    public DateTimeOffset BlockedUntil
    {
        get
        {
            lock (_gate)
            {
                return _blockedUntil;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        // Token requests are POSTs but create no content: they are not spaced.
        var creates = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head
            && request.RequestUri?.AbsolutePath.EndsWith("/access_tokens", StringComparison.Ordinal) != true;
        for (var attempt = 1; ; attempt++)
        {
            await WaitForGateAsync(cancellationToken).ConfigureAwait(false);
            if (creates)
            {
                await SpaceContentCreationAsync(cancellationToken).ConfigureAwait(false);
            }

            HttpResponseMessage? response = null;
            Exception? failure = null;
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(options.AttemptTimeout);
            try
            {
                response = await base.SendAsync(Clone(request, body), attemptTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
                when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = ex;
            }

            var reading = response is null ? null : RateLimitReading.From(response.Headers);
            telemetry?.GitHubCall(request.Method.Method, (int?)response?.StatusCode ?? 0, reading);
            var wait = response is null ? Backoff(attempt) : await DecideAsync(response, attempt, cancellationToken).ConfigureAwait(false);
            if (wait is null)
            {
                return response!;
            }

            if (attempt >= options.MaxAttempts || wait.Value > options.MaxWait)
            {
                LogGivingUp(logger, request.Method.Method, request.RequestUri, attempt, (int?)response?.StatusCode ?? 0);
                return response ?? throw new HttpRequestException($"GitHub did not answer after {attempt} attempts", failure);
            }

            LogRetrying(logger, request.Method.Method, request.RequestUri, (int?)response?.StatusCode ?? 0, attempt, wait.Value);
            var limited = response is not null && IsLimit(response);
            response?.Dispose();
            if (limited)
            {
                Block(wait.Value); // every request of this client waits, not only this one
            }
            else
            {
                await Task.Delay(wait.Value, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _spacing.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>How long to wait before trying again, or null when the response is final (success or a 4xx that retrying cannot
    /// fix).</summary>
    private async Task<TimeSpan?> DecideAsync(HttpResponseMessage response, int attempt, CancellationToken cancel)
    {
        var status = (int)response.StatusCode;
        if (response.Headers.RetryAfter is { } retryAfter && status is 403 or 429 or 503)
        {
            return retryAfter.Delta
                ?? (retryAfter.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : options.SecondaryLimitWait);
        }

        if (status is 403 or 429 && Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            return Max(DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow(), TimeSpan.Zero) + TimeSpan.FromSeconds(1);
        }

        if (
            status == 429
            || (
                status == 403
                && (await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false)).Contains(
                    "secondary rate limit",
                    StringComparison.OrdinalIgnoreCase
                )
            )
        )
        {
            return options.SecondaryLimitWait * Math.Pow(2, Math.Min(attempt - 1, 4));
        }

        return status >= 500 ? Backoff(attempt) : null;
    }

    private static bool IsLimit(HttpResponseMessage response) =>
        (int)response.StatusCode is 403 or 429 || response.Headers.RetryAfter is not null;

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = Math.Min(exponential, options.RetryMax.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private void Block(TimeSpan wait)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + wait;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    private async Task WaitForGateAsync(CancellationToken cancel)
    {
        while (true)
        {
            var wait = BlockedUntil - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancel).ConfigureAwait(false);
        }
    }

    private async Task SpaceContentCreationAsync(CancellationToken cancel)
    {
        await _spacing.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var wait = _lastContentCreation + options.ContentCreationSpacing - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancel).ConfigureAwait(false);
            }

            // One handler per installation's client: its limiter keeps that installation within GitHub's creation limits.
            await _limiter.WaitAsync(cancel).ConfigureAwait(false);
            _lastContentCreation = time.GetUtcNow();
        }
        finally
        {
            _spacing.Release();
        }
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in request.Options)
        {
            clone.Options.TryAdd(option.Key, option.Value);
        }

        return clone;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(
        EventId = 5001,
        Level = LogLevel.Warning,
        Message = "GitHub {Method} {Uri} answered {Status} on attempt {Attempt}; waiting {Wait} before the next try"
    )]
    private static partial void LogRetrying(ILogger logger, string method, Uri? uri, int status, int attempt, TimeSpan wait);

    [LoggerMessage(
        EventId = 5002,
        Level = LogLevel.Error,
        Message = "GitHub {Method} {Uri} still failing after {Attempt} attempts (last status {Status}); the work will be retried "
            + "from the queue"
    )]
    private static partial void LogGivingUp(ILogger logger, string method, Uri? uri, int attempt, int status);
}
