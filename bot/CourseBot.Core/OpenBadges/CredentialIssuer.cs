namespace CourseBot.Core.OpenBadges;

/// <summary>
/// Who issues the course's credentials: the course organisation (<see cref="Name"/>, its GitHub page <see cref="Url"/>) and the bot's
/// public base URL (<see cref="BaseUrl"/>), under which credentials (<c>/credentials/{id}</c>) and the key
/// (<c>/.well-known/jwks.json</c>) live.
/// </summary>
public sealed record CredentialIssuer(string Name, Uri Url, Uri BaseUrl)
{
    public string ProfileId => Combine("issuer");

    public string CredentialUrl(string id) => Combine("credentials/" + Uri.EscapeDataString(id));

    public string AchievementId(string certificationId) => Combine("achievements/" + Uri.EscapeDataString(certificationId));

    public string JwksUrl => Combine(".well-known/jwks.json");

    private string Combine(string path) => BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + path;
}
