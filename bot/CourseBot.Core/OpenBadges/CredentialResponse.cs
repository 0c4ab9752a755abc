namespace CourseBot.Core.OpenBadges;

/// <summary>What a public credential endpoint answers, for a host to send as is: status code, media type, body.</summary>
public sealed record CredentialResponse(int Status, string ContentType, string Body)
{
    public const string Html = "text/html; charset=utf-8";
    public const string Json = "application/json";
    public const string Jwt = "application/vc+jwt";

    public static CredentialResponse NotFound(string what) => new(404, "text/plain; charset=utf-8", what + " not found\n");
}
