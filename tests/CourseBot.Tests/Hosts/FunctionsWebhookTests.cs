using Azure.Data.Tables;
using Azure.Storage.Queues;
using CourseBot.Core.Storage;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Journey;
using CourseBot.Storage.Azure;
using CourseBot.Core.Webhooks;
using CourseBot.Functions;
using CourseBot.Functions.Functions;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CourseBot.Tests.Hosts;

/// <summary>The Functions host's webhook, queue and timer functions, called directly, over Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class FunctionsWebhookTests : IAsyncLifetime
{
    private readonly Azurite _azurite;
    private readonly string _prefix = "f" + Guid.NewGuid().ToString("N")[..10];
    private readonly AzureDeliveryInbox _inbox;

    public FunctionsWebhookTests(Azurite azurite)
    {
        _azurite = azurite;
        _inbox = new AzureDeliveryInbox(azurite.ConnectionString, _prefix, TimeProvider.System);
    }

    public Task InitializeAsync() => _inbox.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Startup_WithoutWebhookSecret_RefusesToStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
        });
        builder.Services.AddCourseBotFunctions(builder.Configuration);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        const string Expected = "CourseBot:Webhooks:Secret is not set: the bot refuses to start without a webhook secret";
        Assert.Contains(Expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_Configured_ResolvesEveryFunctionsDependency()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                    ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
                    ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
                    ["CourseBot:Journey:CourseRepository"] = "academy/celery-course",
                    ["CourseBot:Journey:TemplateRepository"] = "academy/celery-learner-template",
                }
            )
            .Build();
        using var provider = new ServiceCollection()
            .AddCourseBotFunctions(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.IsType<OctokitWebhookDispatcher>(provider.GetRequiredService<IWebhookDispatcher>());
        Assert.NotNull(provider.GetRequiredService<JourneyReconciler>());
        Assert.NotNull(provider.GetRequiredService<GradeIntakeEndpoint>());
        Assert.IsType<ProgressOpenLabs>(provider.GetRequiredService<IOpenLabs>());
        Assert.IsType<QueuedLearnerChanges>(provider.GetRequiredService<ILearnerChanges>());
        Assert.IsType<AzureReplayGuard>(provider.GetRequiredService<Core.Oidc.IReplayGuard>());
    }

    [Fact]
    public async Task Webhook_Signed_IsQueued_Unsigned_Is401()
    {
        var function = new WebhookFunction(new WebhookIngress(
            new WebhookOptions { Secret = WebhookRequests.Secret }, new InboxDeliveryIntake(_inbox), new IntakeActivity(),
            TestTelemetry.Create(), NullLogger<WebhookIngress>.Instance));
        var accepted = Assert.IsType<JsonResult>(
            await function.RunAsync(Request(WebhookRequests.Ping, sign: true), CancellationToken.None));
        Assert.Equal(202, accepted.StatusCode);
        Assert.Equal(1, await _inbox.PendingAsync(CancellationToken.None));

        var refused = Assert.IsType<JsonResult>(
            await function.RunAsync(Request(WebhookRequests.Ping, sign: false), CancellationToken.None)
        );
        Assert.Equal(401, refused.StatusCode);
        Assert.Equal(1, await _inbox.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Delivery_Processed_OrRetried_ThenDeadLettered()
    {
        var id = Guid.NewGuid().ToString();
        Assert.True(
            await _inbox.TryEnqueueAsync(
                new WebhookDelivery(
                    id,
                    "installation",
                    new Dictionary<string, string> { ["X-GitHub-Event"] = "installation", ["X-GitHub-Delivery"] = id },
                    "{}"u8.ToArray()
                ),
                CancellationToken.None
            )
        );
        var queue = new QueueClient(
            _azurite.ConnectionString,
            _inbox.QueueName,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }
        );
        var message = (await queue.ReceiveMessageAsync()).Value;

        var throwing = new Mock<IWebhookDispatcher>();
        throwing.Setup(d => d.DispatchAsync(It.IsAny<WebhookDelivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("handler failed"));
        var failing = new DeliveryFunction(
            _inbox, throwing.Object, new QueueOptions { MaxAttempts = 5 }, TestTelemetry.Create(), NullLogger<DeliveryFunction>.Instance);
        // attempt 1: the runtime retries
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.RunAsync(message, CancellationToken.None));
        var last = Azure.Storage.Queues.Models.QueuesModelFactory.QueueMessage(
            message.MessageId, message.PopReceipt, message.Body, dequeueCount: 5);
        await failing.RunAsync(last, CancellationToken.None); // attempt 5: recorded, not thrown
        var letter = Assert.Single(await _inbox.DeadLettersAsync(CancellationToken.None));
        Assert.Equal((id, 5, "InvalidOperationException: handler failed"), (letter.DeliveryId, letter.Attempts, letter.Error));

        var handler = new Mock<IWebhookDispatcher>();
        var working = new DeliveryFunction(
            _inbox, handler.Object, new QueueOptions(), TestTelemetry.Create(), NullLogger<DeliveryFunction>.Instance);
        await working.RunAsync(message, CancellationToken.None);
        handler.Verify(d => d.DispatchAsync(It.Is<WebhookDelivery>(w => w.DeliveryId == id), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull((await _inbox.StatusAsync(id, CancellationToken.None))!.ProcessedAt);
    }

    [Fact]
    public async Task Reconciler_EnqueuesADeliveryRecordedButNeverQueued()
    {
        var id = Guid.NewGuid().ToString();
        Assert.True(
            await _inbox.TryEnqueueAsync(
                new WebhookDelivery(id, "push", new Dictionary<string, string> { ["X-GitHub-Delivery"] = id }, "{}"u8.ToArray()),
                CancellationToken.None
            )
        );
        var queue = new QueueClient(
            _azurite.ConnectionString,
            _inbox.QueueName,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }
        );
        await queue.ClearMessagesAsync(); // as if the process died after the row and before the message
        var table = new TableClient(_azurite.ConnectionString, _prefix + "deliveries");
        await table.UpdateEntityAsync(
            new TableEntity("d", id) { ["Queued"] = false, ["ReceivedAt"] = TimeProvider.System.GetUtcNow().AddMinutes(-10) },
            Azure.ETag.All,
            TableUpdateMode.Merge
        );

        var history = new AzureLearnerEvents(_azurite.ConnectionString, _prefix, TimeProvider.System);
        await history.InitializeAsync(CancellationToken.None);
        var journey = new JourneyReconciler(Journey.CeleryCourse.Course, new JourneyOptions(), history, _inbox, TimeProvider.System,
            NullLogger<JourneyReconciler>.Instance, new(new(), new JourneyOptions(), _inbox, TimeProvider.System));
        await new ReconcilerFunction(_inbox, journey, NullLogger<ReconcilerFunction>.Instance).RunAsync(null!, CancellationToken.None);

        var message = await _inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(id, message!.Delivery.DeliveryId);
    }

    private static HttpRequest Request(string body, bool sign)
    {
        var context = new DefaultHttpContext();
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = "application/json";
        context.Request.Headers["X-GitHub-Event"] = "ping";
        context.Request.Headers["X-GitHub-Delivery"] = Guid.NewGuid().ToString();
        if (sign)
        {
            context.Request.Headers["X-Hub-Signature-256"] = WebhookRequests.Sign(body);
        }

        return context.Request;
    }
}
