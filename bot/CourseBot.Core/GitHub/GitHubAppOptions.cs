namespace CourseBot.Core.GitHub;

/// <summary>The GitHub App the bot acts as. The key and the webhook secret come from the environment or the local secrets file, never the repository.</summary>
public sealed class GitHubAppOptions
{
    public const string Section = "CourseBot:GitHub";

    public long AppId { get; set; }

    /// <summary>The App's private key (PEM).</summary>
    public string PrivateKey { get; set; } = "";

    /// <summary>REST base URL: api.github.com, a GHES <c>/api/v3/</c>, or the emulator in tests.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>Web base URL, for the App manifest flow.</summary>
    public Uri WebBaseUrl { get; set; } = new("https://github.com/");

    public bool IsConfigured => AppId > 0 && PrivateKey.Contains("PRIVATE KEY", StringComparison.Ordinal);
}
