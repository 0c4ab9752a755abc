using CourseBot.Functions;
using CourseBot.Storage.Azure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCourseBotFunctions(builder.Configuration);
var host = builder.Build();
// Tables, queue and container exist before the first webhook arrives.
await host.Services.InitializeAzureStoresAsync(CancellationToken.None).ConfigureAwait(false);
await host.RunAsync().ConfigureAwait(false);
