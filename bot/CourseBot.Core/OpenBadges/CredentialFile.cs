using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// <c>certificates/&lt;level&gt;.json</c> in the learner's repository: the signed credential as a W3C VC 2.0
/// <c>EnvelopedVerifiableCredential</c> (its id a <c>data:application/vc+jwt,</c> URL carrying the VC-JWT), the standard JSON form of a
/// JWT-secured credential, so the file alone can be verified (<c>coursebot credential verify certificates/expert.json</c>).
/// </summary>
public static class CredentialFile
{
    public const string DataPrefix = "data:application/vc+jwt,";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string PathFor(string certificateKey) => $"certificates/{certificateKey}.json";

    public static string Envelope(string jwt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jwt);
        var envelope = new JsonObject
        {
            ["@context"] = OpenBadgeCredentialBuilder.VcContext,
            ["id"] = DataPrefix + jwt,
            ["type"] = "EnvelopedVerifiableCredential",
        };
        return envelope.ToJsonString(Indented) + "\n";
    }

    /// <summary>The VC-JWT in what a verifier was given: the JWT itself, or an envelope as written above; null when neither.</summary>
    public static string? JwtOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('{'))
        {
            return trimmed.Count(c => c == '.') == 2 && !trimmed.Any(char.IsWhiteSpace) ? trimmed : null;
        }

        try
        {
            return JsonNode.Parse(trimmed)?["id"]?.GetValue<string>() is { } id && id.StartsWith(DataPrefix, StringComparison.Ordinal)
                ? id[DataPrefix.Length..]
                : null;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
