using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// A JWT's payload as JSON, read without checking the signature: only for showing what the bot itself signed and recorded.
/// </summary>
public static class JwtPayload
{
    public static JsonObject Of(string jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException("not a compact JWS: it needs three parts separated by dots");
        }

        return JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])))?.AsObject()
            ?? throw new FormatException("the JWT's payload is not a JSON object");
    }
}
