using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CourseBot.Core.Storage;
using CourseBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// Webhook ingress, host-neutral: checks the request, verifies <c>X-Hub-Signature-256</c> in fixed
/// time, stores and enqueues the delivery, and only then acknowledges with 202 (well inside
/// GitHub's 10 s). Processing happens later, from the queue. A repeated <c>X-GitHub-Delivery</c> is
/// acknowledged and not enqueued again. Every bad request gets a 4xx and a log line, never a 500.
/// </summary>
public sealed partial class WebhookIngress(
    WebhookOptions options,
    IDeliveryIntake intake,
    IntakeActivity activity,
    CourseBotTelemetry telemetry,
    ILogger<WebhookIngress> logger)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Secret);

    /// <summary>Checks, stores and answers; the ack span and <c>coursebot.webhook.ack.duration</c> time all of it.</summary>
    public async Task<IngressResult> AcceptAsync(IngressRequest request, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        using var span = CourseBotTelemetry.StartAck();
        // Counted in flight while it is checked and stored: the worker and the journal pump step aside while many are.
        activity.Started();
        IngressResult result;
        try
        {
            result = await CheckAndStoreAsync(request, cancel).ConfigureAwait(false);
        }
        finally
        {
            activity.Finished();
        }

        var outcome = result.Status != 202 ? "refused" : result.Message == Queued ? "queued" : "duplicate";
        telemetry.Acknowledged(span, started, result.Status, outcome, result.Event);
        return result;
    }

    private const string Queued = "queued";

    private async Task<IngressResult> CheckAndStoreAsync(IngressRequest request, CancellationToken cancel)
    {
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
        if (_secret.Length == 0)
        {
            return Refuse(503, "no webhook secret is configured: webhooks are refused");
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            return Refuse(413, $"payload larger than {options.MaxBodyBytes} bytes");
        }

        var contentType = headers.GetValueOrDefault("Content-Type")?.Split(';')[0].Trim();
        if (!string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(400, $"content type '{contentType}' is not application/json (set the App's webhook content type to JSON)");
        }

        if (headers.GetValueOrDefault("X-GitHub-Event") is not { Length: > 0 } eventName)
        {
            return Refuse(400, "missing X-GitHub-Event header");
        }

        if (headers.GetValueOrDefault("X-GitHub-Delivery") is not { Length: > 0 and <= 100 } deliveryId)
        {
            return Refuse(400, "missing or invalid X-GitHub-Delivery header");
        }

        if (headers.GetValueOrDefault("X-Hub-Signature-256") is not { } signature)
        {
            return Refuse(401, "missing X-Hub-Signature-256 header");
        }

        var body = await ReadAsync(request.Body, options.MaxBodyBytes, cancel).ConfigureAwait(false);
        if (body is null)
        {
            return Refuse(413, $"payload larger than {options.MaxBodyBytes} bytes");
        }

        if (!SignatureMatches(signature, body))
        {
            return Refuse(401, "signature does not match");
        }

        if (!IsJsonObject(body))
        {
            return Refuse(400, "body is not a JSON object");
        }

        var kept = headers
            .Where(h =>
                h.Key.StartsWith("X-GitHub-", StringComparison.OrdinalIgnoreCase)
                || h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
            )
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var stored = await intake.TryAcceptAsync(new WebhookDelivery(deliveryId, eventName, kept, body), cancel).ConfigureAwait(false);
        if (!stored)
        {
            LogDuplicate(logger, deliveryId, eventName);
            return new IngressResult(202, "duplicate delivery: already queued", eventName);
        }

        return new IngressResult(202, Queued, eventName);
    }

    /// <summary>HMAC-SHA256 of the body with the secret, compared in fixed time with the header's hex digest.</summary>
    private bool SignatureMatches(string header, byte[] body)
    {
        const string prefix = "sha256=";
        if (!header.StartsWith(prefix, StringComparison.Ordinal) || header.Length != prefix.Length + 64)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromHexString(header.AsSpan(prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(_secret, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>
    /// The body, or null when it is larger than <paramref name="max"/> (read no further than that).
    /// The grade intake reads its results with it too.
    /// </summary>
    internal static async Task<byte[]?> ReadAsync(Stream body, long max, CancellationToken cancel)
    {
        // The read buffer is pooled: this runs once per webhook on the acknowledgement path, where a fresh 80 KB array per
        // request was most of what the intake allocated.
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static bool IsJsonObject(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private IngressResult Refuse(int status, string reason)
    {
        LogRefused(logger, status, reason);
        return new IngressResult(status, reason);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Webhook refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(
        EventId = 1002,
        Level = LogLevel.Information,
        Message = "Duplicate delivery {DeliveryId} ({Event}) acknowledged, not processed again"
    )]
    private static partial void LogDuplicate(ILogger logger, string deliveryId, string @event);
}
