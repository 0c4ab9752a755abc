using CourseBot.Core.Journey.History;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;
using CourseBot.Storage.Azure;
using CourseBot.Functions;
using CourseBot.Functions.Functions;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Hosts;

/// <summary>
/// The Functions host scaled out: instances wired exactly as the host wires them (same storage account
/// on Azurite), each with its own process-level state. A grading token used on one is refused by the others.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class FunctionsGradesReplayTests(Azurite azurite)
{
    private const string Repository = "academy/celery-ada";
    private readonly string _prefix = "g" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Token_UsedOnOneInstance_IsRefusedByAnotherAndAfterARestart()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        using var first = await InstanceAsync(issuer);
        using var second = await InstanceAsync(issuer);
        Assert.IsType<AzureReplayGuard>(first.GetRequiredService<IReplayGuard>());
        await EnrolledRepository.RecordAsync(first.GetRequiredService<ILearnerEvents>(), Repository);

        var token = issuer.Mint(Repository);
        var results = await Task.WhenAll(PostAsync(first, token), PostAsync(second, token));
        Assert.Equal([201, 401], results.Order());

        using var restarted = await InstanceAsync(issuer);
        Assert.Equal(401, await PostAsync(restarted, token));
        var history = await restarted.GetRequiredService<ILearnerEvents>().ReadAsync(Repository, CancellationToken.None);
        Assert.Single(history, e => e.Kind == LearnerEventKinds.LabGraded);
    }

    private async Task<ServiceProvider> InstanceAsync(TestOidcIssuer issuer)
    {
        var settings = issuer.BotSettings(Repository, "first-celery-app/first-app-lab");
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["CourseBot:Prefix"] = _prefix;
        settings["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum;
        settings["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddCourseBotFunctions(configuration).BuildServiceProvider();
        // What Program.cs does before the host runs.
        await provider.InitializeAzureStoresAsync(CancellationToken.None);
        return provider;
    }

    private static async Task<int> PostAsync(ServiceProvider instance, string token)
    {
        const string Result = """
            {"version":1,"lab":"first-celery-app/first-app-lab","sha":"0123456789abcdef0123456789abcdef01234567","isolated":true,"notes":[],
             "tests":[{"name":"app module","kind":"file","status":"passed","score":1,"max_score":1,"duration_ms":2},
             {"name":"tasks","kind":"celery","status":"passed","score":6,"max_score":6,"duration_ms":900}]}
            """;
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Result));
        context.Request.Headers.Authorization = "Bearer " + token;
        var function = new GradesFunction(instance.GetRequiredService<GradeIntakeEndpoint>());
        var response = Assert.IsType<JsonResult>(await function.RunAsync(context.Request, CancellationToken.None));
        return response.StatusCode ?? 0;
    }
}
