using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.Oidc;

/// <summary>
/// How GitHub Actions OIDC tokens are checked. The issuer and key source are settings so that tests
/// (and a GitHub Enterprise deployment) can use their own; the audience is the bot's URL, fixed in
/// the course's grading workflow.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "CourseBot:Oidc";

    /// <summary>The tokens' issuer. Default: GitHub Actions' own, <c>https://token.actions.githubusercontent.com</c>.</summary>
    [Required(ErrorMessage = Section + ":Issuer is empty: name the token issuer")]
    [Url(ErrorMessage = Section + ":Issuer must be an absolute URL")]
    public string Issuer { get; set; } = "https://token.actions.githubusercontent.com";

    /// <summary>Where the issuer's signing keys are published. Default: the issuer's <c>/.well-known/jwks</c>.</summary>
    [Url(ErrorMessage = Section + ":JwksUri must be an absolute URL")]
    public string? JwksUri { get; set; }

    /// <summary>The audience tokens must name: the bot's URL. Default: empty, and the grading endpoints answer 503.</summary>
    public string Audience { get; set; } = "";

    /// <summary>
    /// The course's grading workflow at the refs it may run from, as GitHub writes <c>job_workflow_ref</c>:
    /// <c>org/course/.github/workflows/grade.yml@refs/heads/main</c>. Default: none, and the grading endpoints answer 503.
    /// </summary>
    public IList<string> AllowedWorkflowRefs { get; } = [];

    /// <summary>
    /// Tolerance for clocks that disagree a little (GitHub's own tokens are issued a few seconds ahead at times). Default: 60
    /// seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = Section + ":ClockSkew must be from {1} to {2}")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long fetched keys are trusted before they are fetched again. Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = Section + ":KeyCacheDuration must be from {1} to {2}")]
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromHours(1);

    public Uri ResolvedJwksUri => new(JwksUri ?? Issuer.TrimEnd('/') + "/.well-known/jwks");

    /// <summary>
    /// Grading endpoints answer only with an audience and at least one allowed workflow ref: no configuration, no grades.
    /// </summary>
    public bool IsConfigured => Audience.Length > 0 && AllowedWorkflowRefs.Count > 0;
}
