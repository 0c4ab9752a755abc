using CourseBot.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCourseBotFunctions(builder.Configuration);
await builder.Build().RunAsync().ConfigureAwait(false);
