using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// Verifies an Open Badges VC-JWT as an employer would, saying in words what each check found: the signature (ES256) against the
/// issuer's published key (its JWK Set, fetched from the issuer's address, or one given), the Open Badges 3.0 schema (shipped
/// in the bot), the validity period, and the issuer's revocation list. Fails closed: a check that cannot be made fails.
/// The key is found from the issuer named in the credential, so the report names that issuer: whoever verifies must see that it
/// is the course they expect (or pin its key with a JWK Set of their own).
/// </summary>
public sealed class CredentialVerifier(HttpClient http, TimeProvider time)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public async Task<VerificationReport> VerifyAsync(string jwt, JsonObject? pinnedJwks, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var report = new VerificationReport();
        JsonObject payload;
        try
        {
            payload = JwtPayload.Of(jwt);
        }
        catch (Exception error) when (error is FormatException or JsonException or ArgumentException)
        {
            report.Fail("Format: not a VC-JWT (" + error.Message + ").");
            return report;
        }

        var issuerId = Text(payload["issuer"]?["id"]);
        var jwks = pinnedJwks;
        var keySource = "the JWK Set given";
        if (jwks is null)
        {
            keySource = JwksUrl(issuerId) is { } url ? url : "";
            jwks = keySource.Length > 0 ? await FetchJsonAsync(keySource, cancel).ConfigureAwait(false) : null;
            if (jwks is null)
            {
                report.Fail($"Signature: the issuer's public key could not be fetched from {Say(keySource)}.");
            }
        }

        if (jwks is not null)
        {
            await CheckSignatureAsync(report, jwt, jwks, keySource).ConfigureAwait(false);
        }

        var errors = OpenBadgesSchema.Errors(payload);
        if (errors.Count == 0)
        {
            report.Pass("Schema: a valid Open Badges 3.0 credential (1EdTech's AchievementCredential JSON schema).");
        }
        else
        {
            report.Fail("Schema: not a valid Open Badges 3.0 credential: " + string.Join("; ", errors.Take(5)) + ".");
        }

        CheckPeriod(report, payload);
        await CheckRevocationAsync(report, payload, cancel).ConfigureAwait(false);
        return report;
    }

    /// <summary>Who the credential says it is for and from, for the report's summary (unverified: read with the checks).</summary>
    public static string Describe(string jwt)
    {
        var payload = JwtPayload.Of(jwt);
        var achievement = Text(payload["credentialSubject"]?["achievement"]?["name"]);
        return $"\"{achievement}\" for {Text(payload["credentialSubject"]?["id"])}, issued by {Text(payload["issuer"]?["name"])} "
            + $"({Text(payload["issuer"]?["id"])}) on {Text(payload["validFrom"])}";
    }

    private static async Task CheckSignatureAsync(VerificationReport report, string jwt, JsonObject jwks, string source)
    {
        IList<SecurityKey> keys;
        try
        {
            keys = new JsonWebKeySet(jwks.ToJsonString()).GetSigningKeys();
        }
        catch (ArgumentException)
        {
            report.Fail($"Signature: {source} is not a JWK Set.");
            return;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = ["vc+jwt"],
            ValidateAudience = false,
            ValidateIssuer = false,
            ValidateLifetime = false, // the validity period is checked below, in the credential's own terms
            RequireExpirationTime = false,
            TryAllIssuerSigningKeys = false,
        }).ConfigureAwait(false);
        var kid = (result.SecurityToken as JsonWebToken)?.Kid ?? new JsonWebToken(jwt).Kid;
        if (result.IsValid)
        {
            report.Pass($"Signature: ES256, valid for the issuer's key {kid} published at {source}.");
            return;
        }

        report.Fail(result.Exception switch
        {
            SecurityTokenSignatureKeyNotFoundException => $"Signature: signed with key {kid}, which is not published at {source}.",
            SecurityTokenInvalidSignatureException =>
                $"Signature: does not match the issuer's key {kid} at {source}: the credential was changed after it was signed "
                + "(or was signed by someone else).",
            SecurityTokenInvalidTypeException => "Signature: not a VC-JWT (its typ header is not vc+jwt).",
            SecurityTokenInvalidAlgorithmException => "Signature: not signed with ES256.",
            { } other => "Signature: not valid: " + other.Message,
            null => "Signature: not valid.",
        });
    }

    private void CheckPeriod(VerificationReport report, JsonObject payload)
    {
        var now = time.GetUtcNow();
        var styles = DateTimeStyles.AssumeUniversal;
        if (!DateTimeOffset.TryParse(Text(payload["validFrom"]), CultureInfo.InvariantCulture, styles, out var from))
        {
            report.Fail("Validity: no readable validFrom date.");
            return;
        }

        if (from > now + Skew)
        {
            report.Fail($"Validity: not valid before {from:yyyy-MM-dd HH:mm} UTC.");
            return;
        }

        var until = Text(payload["validUntil"]);
        if (until.Length == 0)
        {
            report.Pass($"Validity: valid from {from:yyyy-MM-dd}, with no expiry date.");
        }
        else if (DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end) && end > now)
        {
            report.Pass($"Validity: valid from {from:yyyy-MM-dd} until {end:yyyy-MM-dd}.");
        }
        else
        {
            report.Fail($"Validity: expired ({until}).");
        }
    }

    private async Task CheckRevocationAsync(VerificationReport report, JsonObject payload, CancellationToken cancel)
    {
        var status = payload["credentialStatus"];
        var type = Text(status?["type"]);
        var listUrl = Text(status?["id"]);
        if (status is null)
        {
            report.Pass("Revocation: the credential names no status list, so it cannot be revoked.");
            return;
        }

        if (type != OpenBadgeCredentialBuilder.RevocationListType)
        {
            report.Fail($"Revocation: status method {Say(type)} is not one this verifier knows (1EdTechRevocationList).");
            return;
        }

        if (await FetchJsonAsync(listUrl, cancel).ConfigureAwait(false) is not { } list
            || list["revokedCredentials"] is not JsonArray revoked)
        {
            report.Fail($"Revocation: the issuer's revocation list could not be read at {Say(listUrl)}.");
            return;
        }

        var id = Text(payload["id"]);
        if (revoked.FirstOrDefault(r => Text(r?["id"]) == id) is { } entry)
        {
            var reason = Text(entry["revocationReason"]);
            report.Revoked($"Revocation: REVOKED by the issuer ({listUrl}){(reason.Length > 0 ? ": " + reason : "")}.");
            return;
        }

        report.Pass($"Revocation: not on the issuer's revocation list ({listUrl}).");
    }

    /// <summary>
    /// The issuer's JWK Set beside its profile: <c>BASE/issuer</c> publishes its key at <c>BASE/.well-known/jwks.json</c>.
    /// </summary>
    private static string? JwksUrl(string issuerId)
    {
        var suffix = "/" + CredentialIssuer.IssuerPath;
        return Uri.TryCreate(issuerId, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && issuerId.EndsWith(suffix, StringComparison.Ordinal)
            ? issuerId[..^suffix.Length] + "/.well-known/jwks.json"
            : null;
    }

    private async Task<JsonObject?> FetchJsonAsync(string url, CancellationToken cancel)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, cancel).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false)) as JsonObject
                : null;
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static string Say(string text) => text.Length > 0 ? text : "(none)";
}
