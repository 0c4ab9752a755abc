using CourseBot.Core.GitHub;
using CourseBot.Core.Journey;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// Who issues the course's credentials: the course organisation (<see cref="Name"/>, its GitHub page <see cref="Url"/>) and the bot's
/// public base URL (<see cref="BaseUrl"/>), under which credentials (<c>/credentials/{id}</c>), the revocation list
/// (<c>/credentials/revocations</c>) and the key (<c>/.well-known/jwks.json</c>) live.
/// </summary>
public sealed record CredentialIssuer(string Name, Uri Url, Uri BaseUrl)
{
    public const string IssuerPath = "issuer";

    public string ProfileId => Combine(IssuerPath);

    public string CredentialUrl(string id) => Combine("credentials/" + Uri.EscapeDataString(id));

    public string AchievementId(string certificationId) => Combine("achievements/" + Uri.EscapeDataString(certificationId));

    public string JwksUrl => Combine(".well-known/jwks.json");

    /// <summary>The 1EdTech Revocation List every credential's <c>credentialStatus</c> names.</summary>
    public string RevocationListUrl => Combine("credentials/revocations");

    /// <summary>From the settings: the organisation that owns the course repository, at the bot's public address.</summary>
    public static CredentialIssuer From(CredentialKeyOptions credentials, JourneyOptions journey, GitHubAppOptions app)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(app);
        var owner = journey.CourseRepository.Split('/')[0];
        var name = credentials.IssuerName is { Length: > 0 } given ? given : owner;
        var baseUrl = credentials.PublicUrl
            ?? throw new InvalidOperationException(CredentialKeyOptions.Section + ":PublicUrl is not set: credentials have no address");
        return new CredentialIssuer(name, new Uri(app.WebBaseUrl, Uri.EscapeDataString(owner)), baseUrl);
    }

    private string Combine(string path) => BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + path;
}
