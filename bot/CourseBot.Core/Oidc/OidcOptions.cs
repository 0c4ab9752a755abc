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

    [Required]
    public string Issuer { get; set; } = "https://token.actions.githubusercontent.com";

    /// <summary>Where the issuer's signing keys are published (default: the issuer's <c>/.well-known/jwks</c>).</summary>
    public string? JwksUri { get; set; }

    [Required]
    public string Audience { get; set; } = "";

    /// <summary>
    /// The course's grading workflow at the refs it may run from, as GitHub writes <c>job_workflow_ref</c>:
    /// <c>org/course/.github/workflows/grade.yml@refs/heads/main</c>.
    /// </summary>
    public IList<string> AllowedWorkflowRefs { get; } = [];

    /// <summary>Tolerance for clocks that disagree a little (GitHub's own tokens are issued a few seconds ahead at times).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long fetched keys are trusted before they are fetched again.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromHours(1);

    public Uri ResolvedJwksUri => new(JwksUri ?? Issuer.TrimEnd('/') + "/.well-known/jwks");

    /// <summary>Grading endpoints answer only with an audience and at least one allowed workflow ref: no configuration, no grades.</summary>
    public bool IsConfigured => Audience.Length > 0 && AllowedWorkflowRefs.Count > 0;
}
