using CourseBot.Functions;
using CourseBot.Storage.Azure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCourseBotFunctions(builder.Configuration);
var host = builder.Build();
// Every setting is checked before the stores are touched: all the invalid ones are reported together.
host.Services.GetRequiredService<IStartupValidator>().Validate();
// Tables, queue and container exist before the first webhook arrives.
await host.Services.InitializeAzureStoresAsync(CancellationToken.None).ConfigureAwait(false);
await host.RunAsync().ConfigureAwait(false);
