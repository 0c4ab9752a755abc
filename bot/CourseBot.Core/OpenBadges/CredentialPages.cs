using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// The public credential endpoints' logic, shared by both hosts (they only map routes to it): the course key's JWK Set, a
/// credential by id (an HTML page for people; the credential's JSON or its VC-JWT for programs, chosen by a <c>.json</c> or
/// <c>.jwt</c> suffix or the Accept header) and the 1EdTech Revocation List every credential's <c>credentialStatus</c> names.
/// Nothing here needs a secret: the key's private part stays in the signer.
/// </summary>
public sealed partial class CredentialPages(CredentialKeyOptions options, Func<CredentialSigner> signer, Func<CredentialIssuer> issuer,
    CredentialRegister register)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The course key's public part; 404 while credentials are off (there is no key to publish).</summary>
    public CredentialResponse Jwks() => options.Enabled
        ? new CredentialResponse(200, CredentialResponse.Json, signer().Jwks().ToJsonString(Indented))
        : CredentialResponse.NotFound("credential key");

    public async Task<CredentialResponse> CredentialAsync(string requested, string? accept, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var (id, format) = Requested(requested, accept);
        if (!options.Enabled || !IdPattern().IsMatch(id) || await register.FindAsync(id, cancel).ConfigureAwait(false) is not { } found)
        {
            return CredentialResponse.NotFound("credential");
        }

        var payload = JwtPayload.Of(found.Issued.Jwt);
        return format switch
        {
            "jwt" => new CredentialResponse(200, CredentialResponse.Jwt, found.Issued.Jwt),
            "json" => new CredentialResponse(200, CredentialResponse.Json, payload.ToJsonString(Indented)),
            _ => new CredentialResponse(200, CredentialResponse.Html, CredentialPageWriter.Write(found, payload, issuer().JwksUrl)),
        };
    }

    /// <summary>
    /// The 1EdTech Revocation List (status method <c>1EdTechRevocationList</c>): the list's id, the issuer and each revoked
    /// credential's id with the instructor's reason. A credential not on it is not revoked.
    /// </summary>
    public async Task<CredentialResponse> RevocationListAsync(CancellationToken cancel)
    {
        if (!options.Enabled)
        {
            return CredentialResponse.NotFound("revocation list");
        }

        var from = issuer();
        var revoked = await register.RevokedAsync(cancel).ConfigureAwait(false);
        var list = new JsonObject
        {
            ["id"] = from.RevocationListUrl,
            ["issuer"] = from.ProfileId,
            ["revokedCredentials"] = new JsonArray([.. revoked.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Url, ["revocationReason"] = r.Reason,
            })]),
        };
        return new CredentialResponse(200, CredentialResponse.Json, list.ToJsonString(Indented));
    }

    private static (string Id, string Format) Requested(string requested, string? accept)
    {
        foreach (var suffix in (string[])["jwt", "json"])
        {
            if (requested.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase))
            {
                return (requested[..^(suffix.Length + 1)], suffix);
            }
        }

        var wanted = accept ?? "";
        var format = wanted.Contains("text/html", StringComparison.OrdinalIgnoreCase) ? "html"
            : wanted.Contains("jwt", StringComparison.OrdinalIgnoreCase) ? "jwt"
            : wanted.Contains("json", StringComparison.OrdinalIgnoreCase) ? "json"
            : "html";
        return (requested, format);
    }

    /// <summary>Ids as <see cref="OpenBadgeCredentialBuilder.IdFor"/> makes them; anything else is not looked up.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,120}$")]
    private static partial Regex IdPattern();
}
