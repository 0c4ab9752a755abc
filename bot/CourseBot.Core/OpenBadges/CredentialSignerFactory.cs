using System.Security.Cryptography;

namespace CourseBot.Core.OpenBadges;

/// <summary>Builds the <see cref="CredentialSigner"/> from the configured PEM, failing closed with the setting's name.</summary>
public static class CredentialSignerFactory
{
    private const string Setting = CredentialKeyOptions.Section + ":PrivateKeyPem";

    public static CredentialSigner Create(CredentialKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PrivateKeyPem))
        {
            throw new InvalidOperationException($"{Setting} is not set: credentials cannot be signed.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(options.PrivateKeyPem);
            return new CredentialSigner(key);
        }
        catch (Exception error) when (error is ArgumentException or CryptographicException)
        {
            key.Dispose();
            // The message never repeats the PEM: it is a secret.
            throw new InvalidOperationException($"{Setting} is not a P-256 (ES256) private key in PEM.", error);
        }
    }
}
