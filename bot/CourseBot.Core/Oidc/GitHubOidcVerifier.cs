using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CourseBot.Core.Oidc;

/// <summary>
/// Verifies a GitHub Actions OIDC token: RS256 signature by a key of the configured issuer, issuer,
/// audience, expiry, the course's grading workflow at an allowed ref. It fails closed: anything
/// unexpected is a refusal with a reason, never a pass. Verifying does not use the token up: the
/// endpoints check the request first (a malformed result must not cost the run its one token), then
/// call <see cref="AcceptOnceAsync"/>. The signature and the registered claims (issuer, audience, lifetime)
/// are checked by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> on this verifier's clock; the
/// shape, the algorithm (before any key is fetched) and GitHub's own claims are checked here.
/// </summary>
public sealed class GitHubOidcVerifier(OidcOptions options, IJwksSource keys, IReplayGuard replays, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Tokens = new();

    public async Task<OidcVerificationResult> VerifyAsync(string? token, CancellationToken cancel)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts.Any(p => p.Length == 0))
        {
            return OidcVerificationResult.Fail(OidcFailure.Malformed, "not a JSON Web Token");
        }

        JsonElement header;
        JsonElement payload;
        try
        {
            header = JsonDocument.Parse(HttpJwksSource.Base64UrlDecode(parts[0])).RootElement;
            payload = JsonDocument.Parse(HttpJwksSource.Base64UrlDecode(parts[1])).RootElement;
            _ = HttpJwksSource.Base64UrlDecode(parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return OidcVerificationResult.Fail(OidcFailure.Malformed, "token parts are not base64url JSON");
        }

        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
        {
            return OidcVerificationResult.Fail(OidcFailure.Malformed, "token header or payload is not an object");
        }

        // Only RS256: "none", HS256 with the public key as secret and every other trick stop here.
        if (Text(header, "alg") != "RS256")
        {
            return OidcVerificationResult.Fail(OidcFailure.UnsupportedAlgorithm, $"algorithm '{Text(header, "alg")}' is not RS256");
        }

        RSA? key;
        try
        {
            key = Text(header, "kid") is { } kid ? await keys.FindKeyAsync(kid, cancel).ConfigureAwait(false) : null;
        }
        catch (Exception ex) when (IsKeyFetchFailure(ex, cancel))
        {
            // The issuer is down or answered nonsense: the run may try again (503), and nothing was used up.
            return OidcVerificationResult.Fail(OidcFailure.KeysUnavailable, $"the issuer's keys could not be fetched: {ex.GetType().Name}");
        }

        if (key is null)
        {
            return OidcVerificationResult.Fail(
                OidcFailure.UnknownKey,
                $"no signing key '{Text(header, "kid")}' at {options.ResolvedJwksUri}"
            );
        }

        var validated = await Tokens.ValidateTokenAsync(token!, Parameters(key, Text(header, "kid")!)).ConfigureAwait(false);
        return validated.IsValid ? CheckClaims(payload) : Refusal(validated.Exception, payload);
    }

    private TokenValidationParameters Parameters(RSA key, string keyId) => new()
    {
        IssuerSigningKey = new RsaSecurityKey(key) { KeyId = keyId },
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        // The audience is the bot's URL exactly as the workflow names it; no trailing-slash leniency.
        IgnoreTrailingSlashWhenValidatingAudience = false,
        RequireExpirationTime = true,
        ClockSkew = options.ClockSkew,
        // The library's own lifetime check reads the system clock; this one reads the verifier's.
        LifetimeValidator = (notBefore, expires, _, parameters) => Lifetime(notBefore, expires, parameters.ClockSkew),
    };

    private bool Lifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } until || until + skew < now)
        {
            throw new SecurityTokenExpiredException("token has expired");
        }

        return notBefore is not { } from || from - skew <= now
            ? true
            : throw new SecurityTokenNotYetValidException("token is not valid yet");
    }

    /// <summary>The library's refusal as this verifier's failure and reason; anything it does not name is a bad signature.</summary>
    private OidcVerificationResult Refusal(Exception? error, JsonElement payload) => error switch
    {
        SecurityTokenInvalidIssuerException => OidcVerificationResult.Fail(
            OidcFailure.WrongIssuer, $"issuer '{Text(payload, "iss")}' is not {options.Issuer}"),
        SecurityTokenInvalidAudienceException => OidcVerificationResult.Fail(
            OidcFailure.WrongAudience, $"audience is not {options.Audience}"),
        SecurityTokenNotYetValidException => OidcVerificationResult.Fail(OidcFailure.NotYetValid, "token is not valid yet"),
        SecurityTokenExpiredException or SecurityTokenNoExpirationException or SecurityTokenInvalidLifetimeException =>
            OidcVerificationResult.Fail(OidcFailure.Expired, "token has expired"),
        _ => OidcVerificationResult.Fail(OidcFailure.BadSignature, "signature does not verify"),
    };

    private OidcVerificationResult CheckClaims(JsonElement payload)
    {
        var exp = Number(payload, "exp")!.Value; // the handler required it
        var workflow = Text(payload, "job_workflow_ref");
        if (workflow is null || !options.AllowedWorkflowRefs.Contains(workflow, StringComparer.Ordinal))
        {
            return OidcVerificationResult.Fail(
                OidcFailure.WrongWorkflow,
                $"job_workflow_ref '{workflow}' is not the course's grading workflow at an allowed ref"
            );
        }

        string[] required = ["repository", "repository_id", "repository_owner_id", "sha", "ref", "run_id", "jti"];
        if (required.FirstOrDefault(name => string.IsNullOrEmpty(Text(payload, name))) is { } missing)
        {
            return OidcVerificationResult.Fail(OidcFailure.MissingClaim, $"claim '{missing}' is missing");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(exp) + options.ClockSkew;
        return OidcVerificationResult.Success(new ActionsRunClaims(
            Text(payload, "repository")!,
            Text(payload, "repository_id")!,
            Text(payload, "repository_owner_id")!,
            Text(payload, "runner_environment") ?? "",
            Text(payload, "sha")!,
            Text(payload, "ref")!,
            Text(payload, "run_id")!,
            Text(payload, "run_attempt") ?? "1",
            workflow,
            Text(payload, "jti")!,
            expires));
    }

    /// <summary>Marks a verified token used; false when it was used before (by this or any other instance).</summary>
    public async Task<OidcVerificationResult> AcceptOnceAsync(ActionsRunClaims claims, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return await replays.TryAcceptAsync(claims.TokenId, claims.Expires, cancel).ConfigureAwait(false)
            ? OidcVerificationResult.Success(claims)
            : OidcVerificationResult.Fail(OidcFailure.Replayed, "token was already used");
    }

    private static bool IsKeyFetchFailure(Exception ex, CancellationToken cancel) =>
        ex is HttpRequestException or JsonException or KeyNotFoundException
            or InvalidOperationException or CryptographicException or FormatException
        || (ex is OperationCanceledException && !cancel.IsCancellationRequested);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;
}
