using CourseBot.Grading;
using CourseBot.Grading.Sandbox;

// The Action's entry point. Inputs arrive as INPUT_* variables (see action.yml); the workspace,
// commit and report files come from the runner's own GITHUB_* variables.
static string? Input(string name) => Environment.GetEnvironmentVariable("INPUT_" + name.ToUpperInvariant()) is { Length: > 0 } value ? value.Trim() : null;

var workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE") ?? Directory.GetCurrentDirectory();
var lab = Input("lab");
if (lab is null)
{
    Console.WriteLine("::error title=coursebot-grader::input 'lab' is required (a lab id such as first-celery-app/first-app-lab)");
    Console.WriteLine("usage: set INPUT_LAB (and optionally INPUT_CURRICULUM, INPUT_DRY-RUN, INPUT_CLASSROOM) and run in the workspace to grade.");
    return 2;
}

var resultFile = Path.Combine(Environment.GetEnvironmentVariable("RUNNER_TEMP") ?? Path.GetTempPath(), "coursebot-result.json");
var request = new GradeRequest
{
    Lab = lab,
    Workspace = workspace,
    Curriculum = Input("curriculum") ?? Path.Combine(workspace, "curriculum"),
    ClassroomFile = Input("classroom"),
    Sha = Environment.GetEnvironmentVariable("GITHUB_SHA"),
    ResultFile = resultFile,
    SummaryFile = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"),
    OutputFile = Environment.GetEnvironmentVariable("GITHUB_OUTPUT"),
    Annotations = true,
};
var environment = new GradingEnvironment
{
    BrokerUrl = Environment.GetEnvironmentVariable("COURSEBOT_BROKER_URL") ?? new GradingEnvironment().BrokerUrl,
    BackendUrl = Environment.GetEnvironmentVariable("COURSEBOT_BACKEND_URL") ?? new GradingEnvironment().BackendUrl,
};
var exit = await GradeCommand.RunAsync(request, environment, new SandboxOptions(), Console.Out, CancellationToken.None).ConfigureAwait(false);
Console.WriteLine(Input("dry-run") is "true"
    ? "dry-run: nothing is sent to the bot."
    : "note: this grader does not post results to the bot yet (the bot's grade intake is still to be built).");

return exit;
