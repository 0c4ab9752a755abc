using System.Security.Cryptography;
using CourseBot.Core.Cohorts.Page;
using CourseBot.Functions;
using CourseBot.Functions.Functions;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Hosts;

/// <summary>
/// The Functions host maps the same <c>/dashboard</c> (under its <c>/api</c> route prefix), and its instances share one key ring
/// in the storage account: a session sealed by one instance opens on another, and on a restarted one.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DashboardFunctionTests(Azurite azurite)
{
    private readonly string _prefix = "d" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Dashboard_SignedOut_IsSentToGitHub_AndSessionsOpenOnEveryInstance()
    {
        using var key = RSA.Create(2048);
        using var first = await InstanceAsync(key);
        using var second = await InstanceAsync(key);
        Assert.IsType<BlobKeyRingRepository>(first.GetRequiredService<Microsoft.Extensions.Options.IOptions<
            Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository);

        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("coursebot.example.net");
        context.Request.Path = "/api/dashboard";
        var function = new DashboardFunction(first.GetRequiredService<DashboardEndpoint>());
        var result = Assert.IsType<ContentResult>(await function.RunAsync(context.Request, null, CancellationToken.None));
        Assert.Equal(302, result.StatusCode);
        var location = new Uri(context.Response.Headers.Location.ToString());
        Assert.Equal("https://github.example.net/login/oauth/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://coursebot.example.net/api/dashboard/callback",
            System.Web.HttpUtility.ParseQueryString(location.Query)["redirect_uri"]);
        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(DashboardCookies.State + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase); // https: Secure
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var sealedSession = first.GetRequiredService<DashboardTickets>().SealSession("grace", TimeSpan.FromHours(1));
        Assert.Equal("grace", second.GetRequiredService<DashboardTickets>().OpenSession(sealedSession));
        using var restarted = await InstanceAsync(key);
        Assert.Equal("grace", restarted.GetRequiredService<DashboardTickets>().OpenSession(sealedSession));
        Assert.IsAssignableFrom<IDataProtectionProvider>(restarted.GetRequiredService<IDataProtectionProvider>());
    }

    private async Task<ServiceProvider> InstanceAsync(RSA key)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["CourseBot:Prefix"] = _prefix,
            ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
            ["CourseBot:GitHub:AppId"] = "4242",
            ["CourseBot:GitHub:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(),
            ["CourseBot:GitHub:WebBaseUrl"] = "https://github.example.net/",
            ["CourseBot:GitHub:ClientId"] = "Iv23liFunctionsTest",
            ["CourseBot:GitHub:ClientSecret"] = "functions-test-secret",
            ["CourseBot:Journey:CourseRepository"] = "academy/course",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddCourseBotFunctions(configuration).BuildServiceProvider();
        await provider.InitializeAzureStoresAsync(CancellationToken.None);
        return provider;
    }
}
