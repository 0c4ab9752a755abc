using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Tests.Webhooks;

/// <summary>Builds webhook requests as GitHub sends them, signed with X-Hub-Signature-256.</summary>
internal static class WebhookRequests
{
    public const string Secret = "test-webhook-secret";

    public const string Ping =
        // One line of JSON (the value has no line breaks), cut into pieces that fit the page.
        """
        {"zen":"Keep it logically awesome.","hook_id":123,"hook":{"type":"App","id":123,"name":"web","active":true,"events":["*"],
        """
        + """
        "config":{"content_type":"json","insecure_ssl":"0","url":"https://example.org/hook"},
        """
        + """
        "updated_at":"2026-11-25T10:00:00Z","created_at":"2026-11-25T10:00:00Z","app_id":42,"url":"https://api.github.com/app/hook",
        """
        + """
        "ping_url":"https://api.github.com/app/hook/pings","deliveries_url":"https://api.github.com/app/hook/deliveries"}}
        """;

    public static string Sign(string body, string secret = Secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static HttpRequestMessage Create(
        string body,
        string eventName = "ping",
        string? delivery = null,
        string? signature = "sign",
        string contentType = "application/json"
    )
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/github/webhooks") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (eventName.Length > 0)
        {
            request.Headers.Add("X-GitHub-Event", eventName);
        }

        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature == "sign" ? Sign(body) : signature);
        }

        return request;
    }
}
