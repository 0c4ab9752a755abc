using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.GitHub;

/// <summary>
/// The GitHub App the bot acts as (<c>CourseBot:GitHub</c>). The key and the webhook secret come from the environment or the
/// local secrets file, never the repository.
/// </summary>
public sealed class GitHubAppOptions
{
    public const string Section = "CourseBot:GitHub";

    /// <summary>The App's id. Default: 0, no App (<c>coursebot serve</c> then runs in setup mode).</summary>
    [Range(0, long.MaxValue, ErrorMessage = Section + ":AppId must not be negative")]
    public long AppId { get; set; }

    /// <summary>The App's private key (PEM). Default: empty.</summary>
    public string PrivateKey { get; set; } = "";

    /// <summary>REST base URL: api.github.com (the default), a GHES <c>/api/v3/</c>, or the emulator in tests.</summary>
    [Required(ErrorMessage = Section + ":ApiBaseUrl is empty: name GitHub's REST API")]
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>Web base URL, for the App manifest flow. Default: github.com.</summary>
    [Required(ErrorMessage = Section + ":WebBaseUrl is empty: name GitHub's web address")]
    public Uri WebBaseUrl { get; set; } = new("https://github.com/");

    /// <summary>
    /// The App's OAuth client id, for instructors' sign-in to the dashboard page (the App manifest flow writes it to the
    /// secrets file). Default: empty, so the dashboard page refuses every sign-in.
    /// </summary>
    public string ClientId { get; set; } = "";

    /// <summary>The App's OAuth client secret (secrets file or App settings, never the repository). Default: empty.</summary>
    public string ClientSecret { get; set; } = "";

    public bool IsConfigured => AppId > 0 && PrivateKey.Contains("PRIVATE KEY", StringComparison.Ordinal);
}
