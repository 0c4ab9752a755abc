using System.CommandLine;
using CourseBot.Cli.Serve;
using CourseBot.Core.Publishing;
using Octokit;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot course publish --org ORG --bot-url URL</c>: creates or updates the organisation's
/// grading Action, course repository, learner template and instructors team from this checkout,
/// idempotently (a second run writes nothing); <c>--dry-run</c> prints the plan and writes nothing.
/// </summary>
internal static class CourseCommandLine
{
    public static Command Build()
    {
        var org = new Option<string>("--org") { Description = "The organisation the course runs in.", Required = true };
        var botUrl = new Option<Uri>("--bot-url") { Description = "The bot's public URL (the OIDC audience grading tokens are minted for).", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be created or changed; write nothing." };
        var course = new Option<string>("--course-repo") { Description = "The course repository (default celery-course).", DefaultValueFactory = _ => "celery-course" };
        var template = new Option<string>("--template-repo") { Description = "The learner template repository (default celery-learner-template).", DefaultValueFactory = _ => "celery-learner-template" };
        var action = new Option<string>("--action-repo") { Description = "The grading Action's repository (default coursebot-grader).", DefaultValueFactory = _ => "coursebot-grader" };
        var team = new Option<string>("--instructors-team") { Description = "The instructors team's slug (default instructors).", DefaultValueFactory = _ => "instructors" };
        var version = new Option<string>("--grader-version") { Description = "The released grader's version (1.2.3).", Required = true };
        var releaseUrl = new Option<Uri>("--grader-release-url") { Description = "Where the release's binaries are (…/releases/download/v1.2.3).", Required = true };
        var sha = new Option<string[]>("--grader-sha256") { Description = "A coursebot-grader-linux-ARCH.sha256 file from the release, or linux-ARCH=HEX (repeat per architecture).", Required = true, AllowMultipleArgumentsPerToken = true };
        var token = new Option<string?>("--token") { Description = "An organisation admin's token (default GITHUB_TOKEN; else the App's installation)." };
        var api = new Option<Uri?>("--api-url") { Description = "GitHub's REST base URL (default https://api.github.com/)." };
        var source = new Option<string?>("--source") { Description = "The CourseBot checkout to publish from (default: the one holding ./curriculum)." };
        var data = new Option<string>("--data") { Description = "The bot's data folder, for the App's secrets (default: .coursebot).", DefaultValueFactory = _ => BotServer.DefaultDataDirectory };
        var publish = new Command("publish", "Create or update the course's repositories and team in the organisation (idempotent).")
        {
            org, botUrl, dryRun, course, template, action, team, version, releaseUrl, sha, token, api, source, data,
        };
        publish.SetAction(async (parsed, cancel) =>
        {
            var (grader, problem) = GraderReleaseReader.Read(parsed.GetValue(version)!, parsed.GetValue(releaseUrl)!, parsed.GetValue(sha) ?? []);
            if (grader is null)
            {
                await Console.Error.WriteLineAsync($"coursebot course publish: {problem}").ConfigureAwait(false);
                return 2;
            }

            var settings = new PublishSettings(parsed.GetValue(org)!, parsed.GetValue(botUrl)!, grader)
            {
                CourseRepository = parsed.GetValue(course)!,
                TemplateRepository = parsed.GetValue(template)!,
                ActionRepository = parsed.GetValue(action)!,
                InstructorsTeam = parsed.GetValue(team)!,
                SourceRoot = parsed.GetValue(source) ?? Path.GetDirectoryName(Path.GetFullPath(CurriculumLocator.Resolve(null)))!,
            };
            return await RunAsync(settings, parsed.GetValue(dryRun), parsed.GetValue(token), parsed.GetValue(api), parsed.GetValue(data)!, Console.Out, Console.Error).ConfigureAwait(false);
        });
        return new Command("course", "Publish the course to a GitHub organisation.") { publish };
    }

    public static async Task<int> RunAsync(PublishSettings settings, bool dryRun, string? token, Uri? apiUrl, string dataDirectory, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var (client, owner) = await PublishClients.CreateAsync(token, apiUrl, dataDirectory, settings.Organisation).ConfigureAwait(false);
            using (owner)
            {
                var plan = await new CoursePublisher(client).PublishAsync(settings, dryRun).ConfigureAwait(false);
                await output.WriteAsync(plan.ToText()).ConfigureAwait(false);
                await output.WriteLineAsync(BotSettings(settings, plan)).ConfigureAwait(false);
                return 0;
            }
        }
        catch (Exception ex) when (ex is ApiException or InvalidOperationException or IOException)
        {
            await error.WriteLineAsync($"coursebot course publish: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>The bot's settings for what was published: the pinned workflow is the one it must accept.</summary>
    private static string BotSettings(PublishSettings settings, PublishPlan plan) => $"""

        The bot's settings for this course (environment variables; keep earlier AllowedWorkflowRefs while
        learner repositories generated before still pin them):
          CourseBot__Journey__CourseRepository={settings.Organisation}/{settings.CourseRepository}
          CourseBot__Journey__TemplateRepository={settings.Organisation}/{settings.TemplateRepository}
          CourseBot__Journey__InstructorsTeam={settings.InstructorsTeam}
          CourseBot__Oidc__Audience={settings.BotUrl.ToString().TrimEnd('/')}
          CourseBot__Oidc__AllowedWorkflowRefs__0={plan.CourseWorkflow}
        """;
}
