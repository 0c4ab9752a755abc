using System.Globalization;
using CourseBot.Grading.Bot;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Grading;

/// <summary>The Action: fetch the open labs' bundles, grade each, report to the learner, send verified results to the bot.</summary>
public static class ActionRunner
{
    public static async Task<int> RunAsync(
        ActionContext context,
        GradingEnvironment environment,
        SandboxOptions options,
        TextWriter output,
        HttpClient http,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        Directory.CreateDirectory(context.ResultDirectory);
        BotClient? bot = null;
        string curriculum;
        List<string> labs;
        if (context.BotUrl is { } botUrl)
        {
            if (context.TokenRequestUrl is null || string.IsNullOrEmpty(context.TokenRequestToken))
            {
                await output
                    .WriteLineAsync(
                        "::error title=coursebot-grader::no OIDC token available: the grading job needs 'permissions: id-token: write'"
                    )
                    .ConfigureAwait(false);
                return 2;
            }

            bot = new BotClient(
                http,
                botUrl,
                context.Audience ?? botUrl.ToString().TrimEnd('/'),
                context.TokenRequestUrl,
                context.TokenRequestToken
            );
            try
            {
                var bundle = await bot.FetchBundleAsync(cancel).ConfigureAwait(false);
                curriculum = BundleMaterializer.Write(bundle, Path.Combine(context.ResultDirectory, "bundle"));
                labs = bundle
                    .Labs.Select(l => l.Key)
                    .Where(k => context.Lab is null || k == context.Lab || k.EndsWith("/" + context.Lab, StringComparison.Ordinal))
                    .ToList();
            }
            catch (Exception ex) when (ex is BotException or HttpRequestException or TaskCanceledException)
            {
                await output.WriteLineAsync(WorkflowCommands.Annotation("error", "coursebot-grader", ex.Message)).ConfigureAwait(false);
                return 2;
            }
        }
        else if (context.Curriculum is not null && context.Lab is not null)
        {
            curriculum = context.Curriculum;
            labs = [context.Lab];
        }
        else
        {
            await output
                .WriteLineAsync(
                    "::error title=coursebot-grader::set the bot-url input (the course's workflow does), or lab and curriculum for "
                    + "a local run"
                )
                .ConfigureAwait(false);
            return 2;
        }

        if (labs.Count == 0)
        {
            await output.WriteLineAsync("No lab is open for this repository yet: nothing to grade.").ConfigureAwait(false);
            return 0;
        }

        var results = new List<GradeResult>();
        var exit = 0;
        foreach (var lab in labs)
        {
            var request = new GradeRequest
            {
                Lab = lab,
                Workspace = context.Workspace,
                Curriculum = curriculum,
                Sha = context.Sha,
                ResultFile = Path.Combine(context.ResultDirectory, lab.Replace('/', '-') + ".json"),
                SummaryFile = context.SummaryFile,
                Annotations = true,
            };
            int labExit;
            GradeResult? result;
            try
            {
                (labExit, result) = await GradeCommand.GradeAsync(request, environment, options, output, cancel).ConfigureAwait(false);
            }
            catch (SandboxException ex)
            {
                // A learner process that outlived its lab could still reach the broker (and answer the next
                // lab's tasks): no further lab is graded, and this one's result is not sent.
                var stopped = WorkflowCommands.Annotation("error", "coursebot-grader", $"grading stopped at {lab}: {ex.Message}");
                await output.WriteLineAsync(stopped).ConfigureAwait(false);
                return 2;
            }

            exit = Math.Max(exit, labExit);
            if (result is null)
            {
                continue;
            }

            results.Add(result);
            if (bot is not null && !context.DryRun)
            {
                var (status, answer) = await bot.PostResultAsync(result, cancel).ConfigureAwait(false);
                await output
                    .WriteLineAsync(
                        status is >= 200 and < 300
                            ? $"The bot recorded the result for {lab}."
                            : WorkflowCommands.Annotation(
                                "warning",
                                "Result not recorded",
                                $"The bot did not record the result for {lab} ({status}): {answer}"
                            )
                    )
                    .ConfigureAwait(false);
            }
        }

        if (context.DryRun)
        {
            await output.WriteLineAsync("dry-run: no result was sent to the bot.").ConfigureAwait(false);
        }

        if (context.OutputFile is { } outputs)
        {
            var resultFile =
                results.Count == 1
                    ? Path.Combine(context.ResultDirectory, results[0].Lab.Replace('/', '-') + ".json")
                    : context.ResultDirectory;
            await File.AppendAllTextAsync(
                    outputs,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"score={results.Sum(r => r.Score)}\nmax-score={results.Sum(r => r.MaxScore)}\n"
                        + $"passed={(results.Count > 0 && results.All(r => r.Passed) ? "true" : "false")}\nresult-file={resultFile}\n"
                    ),
                    cancel
                )
                .ConfigureAwait(false);
        }

        return exit;
    }
}
