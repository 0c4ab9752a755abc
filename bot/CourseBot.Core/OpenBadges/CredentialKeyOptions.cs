namespace CourseBot.Core.OpenBadges;

/// <summary>The course key that signs Open Badges credentials (section <c>CourseBot:Credentials</c>).</summary>
public sealed class CredentialKeyOptions
{
    public const string Section = "CourseBot:Credentials";

    /// <summary>
    /// The P-256 private key as PEM (PKCS#8 or SEC1), from configuration or a Key Vault secret; never from the repository.
    /// Default: none. Hosts that only grade can run without it; resolving the signer then fails with a message naming
    /// this setting, so nothing is ever issued unsigned.
    /// </summary>
    public string? PrivateKeyPem { get; set; }
}
