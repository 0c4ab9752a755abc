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
        var botUrl = AbsoluteUri("--bot-url", "The bot's public URL (the OIDC audience grading tokens are minted for).", required: true);
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be created or changed; write nothing." };
        var course = Named("--course-repo", "The course repository", "celery-course");
        var template = Named("--template-repo", "The learner template repository", "celery-learner-template");
        var action = Named("--action-repo", "The grading Action's repository", "coursebot-grader");
        var team = Named("--instructors-team", "The instructors team's slug", "instructors");
        var version = new Option<string>("--grader-version") { Description = "The released grader's version (1.2.3).", Required = true };
        var releaseUrl = AbsoluteUri(
            "--grader-release-url",
            "Where the release's binaries are (.../releases/download/v1.2.3).",
            required: true
        );
        var sha = new Option<string[]>("--grader-sha256")
        {
            Description = "A coursebot-grader-linux-ARCH.sha256 file from the release, or linux-ARCH=HEX (repeat per architecture).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var token = new Option<string?>("--token") { Description = "An organisation owner's token (default GITHUB_TOKEN; else the App)." };
        var api = AbsoluteUri("--api-url", "GitHub's REST base URL (default https://api.github.com/).", required: false);
        var source = new Option<string?>("--source") { Description = "The checkout to publish from (default: the one with ./curriculum)." };
        var data = Named("--data", "The bot's data folder, for the App's secrets", BotServer.DefaultDataDirectory);
        var publish = new Command("publish", "Create or update the course's repositories and team in the organisation (idempotent).")
        {
            org, botUrl, dryRun, course, template, action, team, version, releaseUrl, sha, token, api, source, data,
        };
        publish.SetAction(async (parsed, cancel) =>
        {
            var checksums = parsed.GetValue(sha) ?? [];
            var (grader, problem) = GraderReleaseReader.Read(parsed.GetValue(version)!, parsed.GetValue(releaseUrl)!, checksums);
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
            var credentials = new PublishCredentials(parsed.GetValue(token), parsed.GetValue(api), parsed.GetValue(data)!);
            return await RunAsync(settings, parsed.GetValue(dryRun), credentials, Console.Out, Console.Error).ConfigureAwait(false);
        });
        return new Command("course", "Publish the course to a GitHub organisation.") { publish };
    }

    public static async Task<int> RunAsync(
        PublishSettings settings, bool dryRun, PublishCredentials credentials, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var (client, owner) = await PublishClients.CreateAsync(credentials, settings.Organisation).ConfigureAwait(false);
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

    private static Option<string> Named(string name, string description, string fallback) =>
        new(name) { Description = $"{description} (default {fallback}).", DefaultValueFactory = _ => fallback };

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

    /// <summary>
    /// An absolute URL option. System.CommandLine's own Uri conversion refuses ordinary https URLs in this version,
    /// so the text is parsed here and a bad value is a usage error naming the option.
    /// </summary>
    private static Option<Uri?> AbsoluteUri(string name, string description, bool required) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }

            result.AddError($"{name} must be an absolute http(s) URL, not '{text}'");
            return null;
        },
    };
}
