namespace CourseBot.Core.Oidc;

/// <summary>Reads the token of an <c>Authorization: Bearer ...</c> header.</summary>
public static class BearerToken
{
    public static string? From(string? authorization)
    {
        const string scheme = "Bearer ";
        return authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[scheme.Length..].Trim()
            : null;
    }
}
