using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// The verification page people see at <c>/credentials/{id}</c>: VALID or REVOKED first, then who earned what, the criteria, the day
/// it was issued and the evidence. Every value is HTML-encoded (a learner chooses their own name and login; nothing of theirs is
/// markup) and links are written only for http(s) addresses.
/// </summary>
public static class CredentialPageWriter
{
    public static string Write(RegisteredCredential credential, JsonObject payload, string jwksUrl)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(payload);
        var issued = credential.Issued;
        var subject = payload["credentialSubject"];
        var achievement = subject?["achievement"];
        var status = credential.Revoked is { } revoked
            ? $"<p class=\"status revoked\" id=\"status\">REVOKED</p><p>Revoked by the issuer: {E(revoked.Reason)}</p>"
            : "<p class=\"status valid\" id=\"status\">VALID</p><p>Signed by the issuer and not revoked.</p>";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(issued.Title)}}: credential</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem}
            .status{font-size:2rem;font-weight:700;display:inline-block;padding:.2rem 1rem;border-radius:.4rem}
            .valid{background:#dafbe1;color:#116329}.revoked{background:#ffebe9;color:#a40e26}
            dt{font-weight:600;margin-top:.6rem}dd{margin-left:0}</style>
            </head><body>{{status}}
            <h1>{{E(issued.Title)}}</h1>
            <dl>
            <dt>Earned by</dt><dd id="learner">{{Link(Text(subject?["id"]), Login(Text(subject?["id"])))}}</dd>
            <dt>Issued by</dt><dd>{{Link(Text(payload["issuer"]?["url"]), Text(payload["issuer"]?["name"]))}}</dd>
            <dt>Issued on</dt><dd>{{issued.Issued.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}</dd>
            <dt>Achievement</dt><dd>{{E(Text(achievement?["description"]))}}</dd>
            <dt>Criteria</dt><dd>{{E(Text(achievement?["criteria"]?["narrative"]))}}</dd>
            <dt>Note</dt><dd>{{E(Text(subject?["narrative"]))}}</dd>
            <dt>Evidence</dt><dd><ul>
            """);
        foreach (var evidence in payload["evidence"]?.AsArray() ?? [])
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{Link(Text(evidence?["id"]), Text(evidence?["name"]))}</li>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </ul></dd></dl>
            <p>This is an Open Badges 3.0 credential signed with ES256 (VC-JWT). Programs: {Link(issued.Url + ".json", "JSON")},
            {Link(issued.Url + ".jwt", "signed JWT")}; the issuer's public key: {Link(jwksUrl, "JWK Set")}.
            Check it yourself: <code>coursebot credential verify {E(issued.Url)}</code>.</p>
            </body></html>
            """);
        return html.ToString();
    }

    private const string GitHubProfile = "https://github.com/";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    /// <summary>The GitHub login in a profile URL, unescaped for reading (and encoded again when written).</summary>
    private static string Login(string profile) => Uri.UnescapeDataString(
        profile.StartsWith(GitHubProfile, StringComparison.Ordinal) ? profile[GitHubProfile.Length..] : profile);

    private static string Link(string url, string text) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\">{E(text.Length > 0 ? text : url)}</a>"
            : E(text);
}
