using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// Open Badges credentials (section <c>CourseBot:Credentials</c>): whether the bot issues them, the course key that signs them and
/// the public address they are verified at. Off by default in the core (the Functions host issues none until it is given a key);
/// <c>coursebot serve</c> turns it on with a key of its own in its data folder when none is configured.
/// </summary>
public sealed class CredentialKeyOptions : IValidatableObject
{
    public const string Section = "CourseBot:Credentials";

    /// <summary>
    /// Issue a signed credential for every certificate earned (<c>CourseBot:Credentials:Enabled</c>). Default: false. When true,
    /// <see cref="PrivateKeyPem"/> and <see cref="PublicUrl"/> are required and the host does not start without them (fail closed:
    /// nothing is ever issued unsigned or under an address nobody can check).
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The P-256 private key as PEM (PKCS#8 or SEC1), from configuration or a Key Vault secret; never from the repository.
    /// Default: none. Hosts that only grade can run without it; resolving the signer then fails with a message naming
    /// this setting, so nothing is ever issued unsigned.
    /// </summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>
    /// The bot's public base address (<c>CourseBot:Credentials:PublicUrl</c>), under which <c>/credentials/{id}</c>,
    /// <c>/credentials/revocations</c> and <c>/.well-known/jwks.json</c> are served. Default: none (<c>coursebot serve</c> uses
    /// <c>CourseBot:PublicUrl</c> or its listening address).
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>
    /// The issuing organisation's name in credentials (<c>CourseBot:Credentials:IssuerName</c>). Default: the owner of
    /// <c>CourseBot:Journey:CourseRepository</c>.
    /// </summary>
    public string? IssuerName { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(PrivateKeyPem))
        {
            yield return new ValidationResult(
                Section + ":PrivateKeyPem is empty while credentials are enabled: give the course key (a Key Vault reference)",
                [nameof(PrivateKeyPem)]);
        }

        if (PublicUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult(
                Section + ":PublicUrl is not an absolute http(s) address while credentials are enabled", [nameof(PublicUrl)]);
        }
    }
}
