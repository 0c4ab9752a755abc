using System.Text.Json.Nodes;
using CourseBot.Cli.Serve;
using CourseBot.Core.OpenBadges;
using CourseBot.Functions;
using CourseBot.Functions.Functions;
using CourseBot.Tests.Journey;
using CourseBot.Tests.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CourseBot.Tests.Credentials;

/// <summary>
/// Where the course key comes from: <c>coursebot serve</c> makes its own on first start (owner-only file in the data folder, reused
/// after a restart); the Functions host requires a configured key only once credentials are enabled, and then publishes its
/// public part.
/// </summary>
public sealed class CredentialKeyHostingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-credkey-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Serve_NoKeyConfigured_MakesAnOwnerOnlyKeyInTheDataFolder_AndReusesItAfterARestart()
    {
        var settings = new Dictionary<string, string?> { ["CourseBot:DataDirectory"] = _data };
        string first;
        await using (var app = BotServer.Build(CeleryCourse.Course, "http://127.0.0.1:0", settings))
        {
            first = app.Services.GetRequiredService<CredentialPages>().Jwks().Body;
        }

        var file = Path.Combine(_data, DevCredentialKey.FileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, AppSetup.SecretsFileName)), "the key is not put into the secrets file");
        Assert.DoesNotContain("\"d\"", first, StringComparison.Ordinal);

        await using var again = BotServer.Build(CeleryCourse.Course, "http://127.0.0.1:0", settings);
        Assert.Equal(first, again.Services.GetRequiredService<CredentialPages>().Jwks().Body);
    }

    [Fact]
    public void Serve_CredentialsTurnedOff_MakesNoKey_AndPublishesNone()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CourseBot:DataDirectory"] = _data, ["CourseBot:Credentials:Enabled"] = "false",
        };
        using var app = BotServer.Build(CeleryCourse.Course, "http://127.0.0.1:0", settings);
        Assert.False(File.Exists(Path.Combine(_data, DevCredentialKey.FileName)));
        Assert.Equal(404, app.Services.GetRequiredService<CredentialPages>().Jwks().Status);
    }

    [Fact]
    public async Task Functions_CredentialsEnabledWithoutKeyOrAddress_FailsAtStart_NamingBothSettings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Functions(new() { ["CourseBot:Credentials:Enabled"] = "true" }));
        builder.Services.AddCourseBotFunctions(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var message = error is AggregateException all ? string.Join("\n", all.InnerExceptions.Select(e => e.Message)) : error.Message;
        Assert.True(error is OptionsValidationException || error is AggregateException, error.ToString());
        Assert.Contains("CourseBot:Credentials:PrivateKeyPem is empty while credentials are enabled", message, StringComparison.Ordinal);
        Assert.Contains("CourseBot:Credentials:PublicUrl is not an absolute http(s) address", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Functions_CredentialsEnabledWithKey_PublishesThePublicKeyOnly()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Functions(new()
        {
            ["CourseBot:Credentials:Enabled"] = "true",
            ["CourseBot:Credentials:PrivateKeyPem"] = key.ExportPkcs8PrivateKeyPem(),
            ["CourseBot:Credentials:PublicUrl"] = "https://bot.example.org/api/",
        })).Build();
        await using var services = new ServiceCollection().AddCourseBotFunctions(configuration).BuildServiceProvider();
        var functions = new CredentialFunctions(services.GetRequiredService<CredentialPages>());
        var request = new DefaultHttpContext().Request;

        var jwks = Assert.IsType<ContentResult>(functions.Jwks(request));

        var published = JsonNode.Parse(jwks.Content!)!["keys"]![0]!;
        Assert.Equal(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(key.ExportParameters(false).Q.X), (string)published["x"]!);
        Assert.Null(published["d"]);
        Assert.Equal(new CredentialSigner(key).KeyId, (string)published["kid"]!);
    }

    private static Dictionary<string, string?> Functions(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
        };
        foreach (var (name, value) in extra)
        {
            settings[name] = value;
        }

        return settings;
    }
}
