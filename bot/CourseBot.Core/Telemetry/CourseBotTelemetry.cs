using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Telemetry;

/// <summary>
/// Owns the bot's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>, and
/// every instrument on them, so the names a dashboard depends on live in one file (the README's "Observe it"
/// table lists them). Instruments cost a flag check when nobody listens, which keeps the webhook ack path cheap
/// when no exporter is configured: the hosts register OpenTelemetry only when one is.
/// </summary>
public sealed class CourseBotTelemetry
{
    /// <summary>The activity source's and the meter's name (what an exporter subscribes to).</summary>
    public const string Name = "CourseBot";

    /// <summary>Spans: <c>webhook ack</c>, <c>process EVENT</c>. Static because activity sources are process-wide anyway.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Histogram<double> _ack;
    private readonly Histogram<double> _processing;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _gitHubCalls;
    private readonly Counter<long> _gradesAccepted;
    private readonly Counter<long> _gradesRefused;
    private readonly ConcurrentDictionary<string, RateLimitReading> _rateLimits = new(StringComparer.Ordinal);
    private QueueSnapshot? _queue;

    public CourseBotTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        _ack = meter.CreateHistogram<double>(
            "coursebot.webhook.ack.duration", "s", "Webhook received to answered (verify, store, enqueue)");
        _processing = meter.CreateHistogram<double>(
            "coursebot.delivery.processing.duration", "s", "Time to process one queued delivery, per event kind and outcome");
        _deadLetters = meter.CreateCounter<long>(
            "coursebot.delivery.dead_letters", "{delivery}", "Deliveries moved to the dead-letter list after every attempt failed");
        _gitHubCalls = meter.CreateCounter<long>(
            "coursebot.github.calls", "{request}", "Requests sent to GitHub's REST API, retries included");
        _gradesAccepted = meter.CreateCounter<long>(
            "coursebot.grades.accepted", "{grade}", "Grading results verified and recorded");
        _gradesRefused = meter.CreateCounter<long>(
            "coursebot.grades.refused", "{grade}", "Grading results refused, by reason");
        meter.CreateObservableGauge(
            "coursebot.github.rate_limit.remaining", ObserveRateLimits, "{request}", "x-ratelimit-remaining last seen, per resource");
        meter.CreateObservableGauge(
            "coursebot.queue.depth", () => QueueMeasurement(q => (double)q.Depth), "{delivery}", "Deliveries waiting or leased");
        meter.CreateObservableGauge(
            "coursebot.queue.oldest_age", () => QueueMeasurement(q => q.OldestAge.TotalSeconds), "s", "Age of the oldest queued delivery");
    }

    /// <summary>Starts the ack span (null when nobody listens, as every span here).</summary>
    public static Activity? StartAck() => Source.StartActivity("webhook ack");

    /// <summary>Records an answered webhook: <paramref name="eventName"/> only for signed requests (unsigned text is not a tag).</summary>
    public void Acknowledged(Activity? span, long startedTimestamp, int status, string outcome, string? eventName)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds;
        if (_ack.Enabled)
        {
            _ack.Record(elapsed, new TagList
            {
                { "github.event", eventName ?? "unverified" },
                { "http.response.status_code", status },
                { "coursebot.outcome", outcome },
            });
        }

        if (span is not null)
        {
            span.SetTag("github.event", eventName);
            span.SetTag("http.response.status_code", status);
            span.SetTag("coursebot.outcome", outcome);
            if (status >= 400)
            {
                span.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    /// <summary>Starts the span of one processing attempt of a delivery.</summary>
    public static Activity? StartProcessing(string eventName, string deliveryId, int attempt)
    {
        var span = Source.StartActivity("process " + eventName);
        span?.SetTag("github.event", eventName);
        span?.SetTag("github.delivery", deliveryId);
        span?.SetTag("coursebot.attempt", attempt);
        return span;
    }

    /// <summary>Records how a processing attempt ended: <c>processed</c>, <c>retry</c> or <c>dead_letter</c>.</summary>
    public void Processed(Activity? span, long startedTimestamp, string eventName, string outcome, Exception? error = null)
    {
        _processing.Record(
            Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("github.event", eventName),
            new KeyValuePair<string, object?>("coursebot.outcome", outcome));
        if (outcome == "dead_letter")
        {
            _deadLetters.Add(1, new KeyValuePair<string, object?>("github.event", eventName));
        }

        span?.SetTag("coursebot.outcome", outcome);
        if (error is not null)
        {
            span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        }
    }

    /// <summary>One request GitHub answered (status) or did not (status 0), and the rate limit its headers told.</summary>
    public void GitHubCall(string method, int status, RateLimitReading? rateLimit)
    {
        _gitHubCalls.Add(
            1,
            new KeyValuePair<string, object?>("http.request.method", method),
            new KeyValuePair<string, object?>("http.response.status_code", status));
        if (rateLimit is { } reading)
        {
            _rateLimits[reading.Resource] = reading;
        }
    }

    /// <summary>The rate limit last seen for <paramref name="resource"/> (readiness and tests).</summary>
    public RateLimitReading? RateLimit(string resource) => _rateLimits.TryGetValue(resource, out var reading) ? reading : null;

    public void GradeAccepted(bool passed) =>
        _gradesAccepted.Add(1, new KeyValuePair<string, object?>("coursebot.grade.passed", passed));

    /// <summary>A refused grade; <paramref name="reason"/> is one of <see cref="GradeRefusal"/>'s codes, never free text.</summary>
    public void GradeRefused(string reason, int status) =>
        _gradesRefused.Add(
            1,
            new KeyValuePair<string, object?>("coursebot.refusal.reason", reason),
            new KeyValuePair<string, object?>("http.response.status_code", status));

    /// <summary>The queue as last sampled (by <see cref="QueueSampler"/>): the gauges report it at each export.</summary>
    public void ObserveQueue(QueueSnapshot snapshot) => Volatile.Write(ref _queue, snapshot);

    private IEnumerable<Measurement<double>> QueueMeasurement(Func<QueueSnapshot, double> value) =>
        Volatile.Read(ref _queue) is { } queue ? [new Measurement<double>(value(queue))] : [];

    private IEnumerable<Measurement<long>> ObserveRateLimits() =>
        _rateLimits.Values.Select(r => new Measurement<long>(
            r.Remaining, new KeyValuePair<string, object?>("github.rate_limit.resource", r.Resource)));
}
