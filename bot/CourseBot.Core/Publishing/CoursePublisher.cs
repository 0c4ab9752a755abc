using Octokit;

namespace CourseBot.Core.Publishing;

/// <summary>
/// Publishes a course to an organisation, idempotently, in the order the pins need: the Action
/// (its commit is what the course's grade.yml uses), the course repository (its commit is what the
/// learner template's shim calls), the learner template, then the instructors team. A dry run
/// reads everything and writes nothing; a pin whose commit does not exist yet is shown as such.
/// </summary>
public sealed class CoursePublisher(IGitHubClient github)
{
    private readonly RepositoryProvisioner _repositories = new(github);
    private readonly RepositoryFilesWriter _files = new(github);
    private readonly TeamProvisioner _teams = new(github);

    private static readonly string[] CourseKeys = ["COURSE_OWNER", "BOT_URL", "GRADER_ACTION"];
    private static readonly string[] TemplateKeys = ["COURSE_WORKFLOW"];

    public async Task<PublishPlan> PublishAsync(PublishSettings settings, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var plan = new PublishPlan { DryRun = dryRun };
        var sources = new PublishSources(settings.SourceRoot);
        var org = settings.Organisation;
        var message = $"coursebot: publish the course (grader {settings.Grader.Version})";

        // Every source is read and checked before anything is written: a placeholder publish cannot fill
        // would reach GitHub as a workflow that does not run (or trusts the wrong owner).
        var actionFiles = ActionFiles(settings, sources);
        var courseFiles = sources.Course();
        var templateFiles = sources.LearnerTemplate();
        RefuseUnexpected([(actionFiles, []), (courseFiles, CourseKeys), (templateFiles, TemplateKeys)]);

        var shared = new RepositoryNeeds(Template: false, SharedActions: true);
        var actionSha = await PublishRepositoryAsync(settings, settings.ActionRepository,
            "CourseBot's grading action (pinned by the course's grade.yml).", shared, actionFiles, message, dryRun, plan)
            .ConfigureAwait(false);
        plan.GraderAction = $"{org}/{settings.ActionRepository}@{actionSha ?? Pending(org, settings.ActionRepository)}";

        var courseValues = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["COURSE_OWNER"] = org,
            ["BOT_URL"] = settings.BotUrl.ToString().TrimEnd('/'),
            ["GRADER_ACTION"] = plan.GraderAction,
        };
        var courseSha = await PublishRepositoryAsync(settings, settings.CourseRepository,
            "The course: enroll here; learners' grading runs its grade.yml.", shared, Filled(courseFiles, courseValues),
            message, dryRun, plan).ConfigureAwait(false);
        var coursePin = courseSha ?? Pending(org, settings.CourseRepository);
        plan.CourseWorkflow = $"{org}/{settings.CourseRepository}/{PublishSources.GradeWorkflow}@{coursePin}";

        var templateValues = new Dictionary<string, string>(StringComparer.Ordinal) { ["COURSE_WORKFLOW"] = plan.CourseWorkflow };
        await PublishRepositoryAsync(settings, settings.TemplateRepository, "What each learner's course repository is generated from.",
            new RepositoryNeeds(Template: true, SharedActions: false), Filled(templateFiles, templateValues),
            message, dryRun, plan).ConfigureAwait(false);

        await _teams.EnsureAsync(org, settings.InstructorsTeam, dryRun, plan).ConfigureAwait(false);
        return plan;
    }

    private async Task<string?> PublishRepositoryAsync(PublishSettings settings, string name, string description, RepositoryNeeds needs,
        IReadOnlyList<PublishedFile> files, string message, bool dryRun, PublishPlan plan)
    {
        var exists = await _repositories.EnsureAsync(settings.Organisation, name, description, needs, dryRun, plan).ConfigureAwait(false);
        var branch = new PublishedBranch(settings.Organisation, name, settings.Branch, Exists: exists);
        return await _files.WriteAsync(branch, files, message, dryRun, plan).ConfigureAwait(false);
    }

    private static List<PublishedFile> ActionFiles(PublishSettings settings, PublishSources sources)
    {
        var grader = settings.Grader;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GRADER_VERSION"] = grader.Version,
            ["GRADER_RELEASE_URL"] = grader.ReleaseUrl.ToString().TrimEnd('/'),
            ["GRADER_SHA256_LINUX_X64"] = grader.Sha256LinuxX64,
            ["GRADER_SHA256_LINUX_ARM64"] = grader.Sha256LinuxArm64,
        };
        return Filled([sources.ActionYml, new PublishedFile("README.md", ActionReadme.For(settings))], values);
    }

    private static void RefuseUnexpected(IEnumerable<(IReadOnlyList<PublishedFile> Files, string[] Known)> sources)
    {
        var problems = sources
            .SelectMany(s => s.Files.SelectMany(f => Placeholders.Unexpected(f.Text, s.Known).Distinct().Select(p => $"{f.Path}: {p}")))
            .ToList();
        if (problems.Count > 0)
        {
            var list = string.Join("; ", problems);
            throw new InvalidOperationException($"placeholders publish has no value for (nothing was written): {list}");
        }
    }

    private static List<PublishedFile> Filled(IEnumerable<PublishedFile> files, IReadOnlyDictionary<string, string> values) =>
        files.Select(f => f with { Text = Placeholders.Fill(f.Text, values) }).ToList();

    /// <summary>In a dry run, the commit a pin will name does not exist yet.</summary>
    private static string Pending(string org, string repository) => $"(the commit publish makes in {org}/{repository})";
}
