using CourseBot.Grading;
using CourseBot.Grading.Sandbox;

// The Action's entry point. Inputs arrive as INPUT_* variables (see action.yml); the workspace,
// commit, report files and the OIDC token endpoint come from the runner's own variables.
static string? Input(string name) =>
    (
        Environment.GetEnvironmentVariable("INPUT_" + name.ToUpperInvariant())
        ?? Environment.GetEnvironmentVariable("INPUT_" + name.ToUpperInvariant().Replace('-', '_'))
    )
        is { Length: > 0 } value
        ? value.Trim()
        : null;

static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

var temp = Env("RUNNER_TEMP") ?? Path.GetTempPath();
var context = new ActionContext
{
    Workspace = Env("GITHUB_WORKSPACE") ?? Directory.GetCurrentDirectory(),
    Lab = Input("lab"),
    BotUrl = Input("bot-url") is { } bot ? new Uri(bot.EndsWith('/') ? bot : bot + "/") : null,
    Audience = Input("audience"),
    TokenRequestUrl = Env("ACTIONS_ID_TOKEN_REQUEST_URL") is { } url ? new Uri(url) : null,
    TokenRequestToken = Env("ACTIONS_ID_TOKEN_REQUEST_TOKEN"),
    Curriculum = Input("curriculum"),
    Sha = Env("GITHUB_SHA"),
    ResultDirectory = Path.Combine(temp, "coursebot-results"),
    SummaryFile = Env("GITHUB_STEP_SUMMARY"),
    OutputFile = Env("GITHUB_OUTPUT"),
    DryRun = Input("dry-run") is "true",
};
var environment = new GradingEnvironment
{
    BrokerUrl = Env("COURSEBOT_BROKER_URL") ?? new GradingEnvironment().BrokerUrl,
    BackendUrl = Env("COURSEBOT_BACKEND_URL") ?? new GradingEnvironment().BackendUrl,
};
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
return await ActionRunner
    .RunAsync(context, environment, new SandboxOptions(), Console.Out, http, CancellationToken.None)
    .ConfigureAwait(false);
