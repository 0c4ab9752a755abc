using CourseBot.Core.Storage.Azure;
using CourseBot.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCourseBotFunctions(builder.Configuration);
var host = builder.Build();
// Tables, queue and container exist before the first webhook arrives.
await host.Services.GetRequiredService<AzureDeliveryInbox>().InitializeAsync(CancellationToken.None).ConfigureAwait(false);
await host.Services.GetRequiredService<AzureLearnerEvents>().InitializeAsync(CancellationToken.None).ConfigureAwait(false);
await host.Services.GetRequiredService<BlobLeaseLearnerLocks>().InitializeAsync(CancellationToken.None).ConfigureAwait(false);
await host.Services.GetRequiredService<AzureReplayGuard>().InitializeAsync(CancellationToken.None).ConfigureAwait(false);
await host.RunAsync().ConfigureAwait(false);
