using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// Signs credentials as VC-JWT (VC-JOSE-COSE: the credential is the JWT payload, <c>typ</c> <c>vc+jwt</c>) with ES256 and the course
/// key, through Microsoft.IdentityModel's maintained JWT handler; the registered claims (iss, sub, jti, nbf) repeat the credential's
/// issuer, subject, id and validFrom so plain JWT libraries can check them. The key's public part is <see cref="Jwks"/>.
/// </summary>
public sealed class CredentialSigner
{
    private readonly ECDsaSecurityKey _key;

    /// <param name="key">A P-256 key: the course's, from a secret store in production; never in the repository.</param>
    public CredentialSigner(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(key));
        }

        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key));
        KeyId = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        _key = new ECDsaSecurityKey(key) { KeyId = KeyId };
    }

    /// <summary>The key's RFC 7638 thumbprint, the <c>kid</c> of every signature.</summary>
    public string KeyId { get; }

    public string Sign(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var payload = credential.DeepClone().AsObject();
        payload["iss"] = credential["issuer"]?["id"]?.GetValue<string>();
        payload["sub"] = credential["credentialSubject"]?["id"]?.GetValue<string>();
        payload["jti"] = credential["id"]?.GetValue<string>();
        if (credential["validFrom"]?.GetValue<string>() is { } from)
        {
            payload["nbf"] = DateTimeOffset.Parse(from, CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        }

        var signing = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256);
        var header = new Dictionary<string, object> { ["typ"] = "vc+jwt", ["cty"] = "vc" };
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), signing, header);
    }

    /// <summary>The public key as a JWK Set, for <c>/.well-known/jwks.json</c>.</summary>
    public JsonObject Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(_key);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "EC", ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y, ["kid"] = KeyId, ["use"] = "sig", ["alg"] = "ES256",
            }),
        };
    }
}
