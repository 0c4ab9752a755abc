using System.Security.Cryptography;
using CourseBot.Core;
using CourseBot.Core.OpenBadges;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Credentials;

/// <summary>The course key reaches the signer through AddCourseBot's typed options; a missing or wrong key fails closed.</summary>
public sealed class CredentialSignerRegistrationTests
{
    [Fact]
    public void ConfiguredP256Pem_SignerPublishesThatKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var provider = Provider(key.ExportPkcs8PrivateKeyPem());

        var signer = provider.GetRequiredService<CredentialSigner>();

        var published = signer.Jwks()["keys"]![0]!;
        var expected = key.ExportParameters(includePrivateParameters: false);
        Assert.Equal(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(expected.Q.X), published["x"]!.GetValue<string>());
        Assert.Equal(signer.KeyId, published["kid"]!.GetValue<string>());
    }

    [Fact]
    public void NoKeyConfigured_ResolvingTheSignerNamesTheSetting()
    {
        using var provider = Provider(null);

        var error = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<CredentialSigner>);

        Assert.Contains("CourseBot:Credentials:PrivateKeyPem is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RsaKeyConfigured_RejectedWithoutEchoingTheSecret()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        using var provider = Provider(pem);

        var error = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<CredentialSigner>);

        Assert.Contains("is not a P-256 (ES256) private key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(string? pem)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [CredentialKeyOptions.Section + ":PrivateKeyPem"] = pem })
            .Build();
        return new ServiceCollection().AddCourseBot(configuration).BuildServiceProvider();
    }
}
