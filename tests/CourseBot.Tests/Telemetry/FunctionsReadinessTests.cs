using System.Security.Cryptography;
using CourseBot.Core.Telemetry;
using CourseBot.Functions;
using CourseBot.Functions.Functions;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Telemetry;

/// <summary>The Functions host's <c>/api/healthz</c> and <c>/api/readyz</c>, called directly, over Azurite and the emulator.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class FunctionsReadinessTests(Azurite azurite)
{
    [Fact]
    public async Task Readyz_200WithStoreAndGitHubUp_503NamingGitHubWhenItDoesNotAnswer()
    {
        await using var github = await GitHubEmulator.GitHubEmulator.StartAsync();
        await using var up = await FunctionsAsync(github.ApiBaseUrl);
        var ready = await ReadyzAsync(up);
        var report = Assert.IsType<ReadinessReport>(ready.Value);
        Assert.True(ready.StatusCode == 200, string.Join("; ", report.Checks));
        Assert.Equal(("ready", 0), (report.Status, report.Failed.Count));
        Assert.Equal(["store", "github"], report.Checks.Select(c => c.Name));

        // Nothing listens on the discard port: GitHub "down".
        await using var down = await FunctionsAsync(new Uri("http://127.0.0.1:9/api/v3/"));
        var refused = await ReadyzAsync(down);
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal(["github"], Assert.IsType<ReadinessReport>(refused.Value).Failed);

        var health = Assert.IsType<ContentResult>(HealthFunction.Run(new DefaultHttpContext().Request));
        Assert.Equal((200, "ok"), (health.StatusCode, health.Content));
    }

    private static async Task<JsonResult> ReadyzAsync(IServiceProvider functions) =>
        Assert.IsType<JsonResult>(await new ReadinessFunction(functions.GetRequiredService<ReadinessProbe>())
            .RunAsync(new DefaultHttpContext().Request, CancellationToken.None));

    private async Task<ServiceProvider> FunctionsAsync(Uri gitHub)
    {
        using var key = RSA.Create(2048);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["CourseBot:Prefix"] = "r" + Guid.NewGuid().ToString("N")[..10],
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
            ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
            ["CourseBot:GitHub:AppId"] = "4242",
            ["CourseBot:GitHub:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(),
            ["CourseBot:GitHub:ApiBaseUrl"] = gitHub.ToString(),
            ["CourseBot:Readiness:Timeout"] = "00:00:03",
        }).Build();
        var provider = new ServiceCollection().AddCourseBotFunctions(configuration).BuildServiceProvider();
        await provider.InitializeAzureStoresAsync(CancellationToken.None);
        return provider;
    }
}
