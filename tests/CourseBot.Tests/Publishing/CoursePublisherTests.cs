using CourseBot.Core.Publishing;

namespace CourseBot.Tests.Publishing;

/// <summary>
/// <c>course publish</c> against the emulator: the dry run lists everything and writes nothing, the
/// first run creates it all with every pin resolved, a second run writes nothing, and a changed
/// template file is one commit touching only it.
/// </summary>
public sealed class CoursePublisherTests : IAsyncLifetime
{
    private const string Org = PublishHarness.Org;
    private static readonly string[] Repositories = ["coursebot-grader", "celery-course", "celery-learner-template"];
    private static readonly string[] Sources = ["templates", "action/action.yml", ".github/workflows/grade.yml"];
    private PublishHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PublishHarness.StartAsync(asOwner: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task DryRun_ListsEveryRepositoryFileTeamAndSetting_AndWritesNothing()
    {
        var plan = await _harness.PublishAsync(RepositoryPaths.Root, dryRun: true);

        Assert.Equal(0, _harness.Writes);
        Assert.Empty(_harness.GitHub.State.Repos);
        Assert.Equal(
            [$"{Org}/coursebot-grader", $"{Org}/celery-course", $"{Org}/celery-learner-template"],
            plan.Items.Where(i => i.Kind == PlanKind.Repository).Select(i => i.Target));
        Assert.Equal(
            [$"{Org}/coursebot-grader actions access", $"{Org}/celery-course actions access", $"{Org}/celery-learner-template is_template"],
            plan.Items.Where(i => i.Kind == PlanKind.Setting).Select(i => i.Target));
        Assert.Equal($"{Org}/instructors", plan.Items.Single(i => i.Kind == PlanKind.Team).Target);
        Assert.All(plan.Items, i => Assert.Equal(PlanAction.Create, i.Action));

        var files = plan.Items.Where(i => i.Kind == PlanKind.File).Select(i => i.Target).ToHashSet(StringComparer.Ordinal);
        var learner = Path.Combine(RepositoryPaths.Root, "templates", "learner");
        var expected = Directory.EnumerateFiles(learner, "*", SearchOption.AllDirectories)
            .Select(f => $"{Org}/celery-learner-template:" + Path.GetRelativePath(learner, f).Replace('\\', '/'))
            .Where(f => !f.Contains("__pycache__", StringComparison.Ordinal))
            .Concat([
                $"{Org}/coursebot-grader:action.yml",
                $"{Org}/coursebot-grader:README.md",
                $"{Org}/celery-course:README.md",
                $"{Org}/celery-course:.github/ISSUE_TEMPLATE/enroll.yml",
                $"{Org}/celery-course:.github/workflows/grade.yml",
            ]);
        Assert.Equal(expected.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        Assert.Contains("(the commit publish makes in celery-org/celery-course)", plan.CourseWorkflow, StringComparison.Ordinal);

        var text = plan.ToText();
        Assert.Contains($"create    repository {Org}/celery-learner-template", text, StringComparison.Ordinal);
        Assert.Contains($"create    file       {Org}/celery-course:.github/workflows/grade.yml", text, StringComparison.Ordinal);
        Assert.Contains($"create    team       {Org}/instructors", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstRun_CreatesEverythingPinnedBySha_AndASecondRunWritesNothing()
    {
        var first = await _harness.PublishAsync(RepositoryPaths.Root, dryRun: false);

        var actionHead = _harness.Head("coursebot-grader");
        var courseHead = _harness.Head("celery-course");
        Assert.Equal($"{Org}/coursebot-grader@{actionHead}", first.GraderAction);
        Assert.Equal($"{Org}/celery-course/.github/workflows/grade.yml@{courseHead}", first.CourseWorkflow);
        var grade = _harness.GitHub.ReadFile($"{Org}/celery-course", ".github/workflows/grade.yml")!;
        Assert.Contains($"uses: {Org}/coursebot-grader@{actionHead}", grade, StringComparison.Ordinal);
        Assert.Contains("bot-url: 'https://bot.example.org'\n", grade, StringComparison.Ordinal);
        Assert.Contains($"github.repository_owner == '{Org}'", grade, StringComparison.Ordinal);
        var shim = _harness.GitHub.ReadFile($"{Org}/celery-learner-template", ".github/workflows/grade.yml")!;
        Assert.Contains($"uses: {Org}/celery-course/.github/workflows/grade.yml@{courseHead}", shim, StringComparison.Ordinal);
        var action = _harness.GitHub.ReadFile($"{Org}/coursebot-grader", "action.yml")!;
        Assert.Contains("GRADER_SHA256_LINUX_X64: '" + new string('a', 64) + "'", action, StringComparison.Ordinal);
        Assert.Contains("GRADER_VERSION: '1.0.0'", action, StringComparison.Ordinal);

        lock (_harness.GitHub.State.Gate)
        {
            var repos = _harness.GitHub.State.Repos;
            Assert.True(repos[$"{Org}/celery-learner-template"].IsTemplate);
            Assert.All(repos.Values, r => Assert.True(r.Private));
            Assert.Equal("organization", repos[$"{Org}/celery-course"].ActionsAccess);
            Assert.Equal("organization", repos[$"{Org}/coursebot-grader"].ActionsAccess);
            Assert.True(_harness.GitHub.State.Teams[Org].ContainsKey("instructors"));
            // One publish commit on top of each repository's initial commit.
            Assert.All(repos.Values, r => Assert.NotNull(_harness.GitHub.State.Commits[r.Refs["main"]].Parent));
        }

        // 3 repositories, 2 Actions access settings, 1 team, and per repository one tree, one commit, one ref.
        var writes = _harness.Writes;
        Assert.Equal(15, writes);
        var second = await _harness.PublishAsync(RepositoryPaths.Root, dryRun: false);

        Assert.Equal(0, _harness.Writes - writes);
        Assert.Equal(0, second.Changes);
        Assert.Equal(first.CourseWorkflow, second.CourseWorkflow);
        Assert.All(second.Items, i => Assert.Equal(PlanAction.Unchanged, i.Action));
    }

    [Fact]
    public async Task AChangedTemplateFile_IsExactlyOneCommitTouchingIt()
    {
        var source = CopySources();
        await _harness.PublishAsync(source, dryRun: false);
        var heads = Repositories.ToDictionary(r => r, _harness.Head);
        var readme = Path.Combine(source, "templates", "learner", "README.md");
        File.AppendAllText(readme, "\nOne more line for learners.\n");
        var writes = _harness.Writes;

        var plan = await _harness.PublishAsync(source, dryRun: false);

        var changed = Assert.Single(plan.Items, i => i.Action != PlanAction.Unchanged);
        Assert.Equal(
            (PlanKind.File, $"{Org}/celery-learner-template:README.md", PlanAction.Update),
            (changed.Kind, changed.Target, changed.Action)
        );
        Assert.Equal(heads["coursebot-grader"], _harness.Head("coursebot-grader"));
        Assert.Equal(heads["celery-course"], _harness.Head("celery-course"));
        lock (_harness.GitHub.State.Gate)
        {
            var state = _harness.GitHub.State;
            var commit = state.Commits[_harness.Head("celery-learner-template")];
            Assert.Equal(heads["celery-learner-template"], commit.Parent);
            var before = state.Trees[state.Commits[commit.Parent!].Tree];
            var after = state.Trees[commit.Tree];
            Assert.Equal(["README.md"], after.Keys.Where(k => !before.TryGetValue(k, out var sha) || sha != after[k]));
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        }

        // One tree (with the file's content), one commit, one ref update.
        Assert.Equal(3, _harness.Writes - writes);
    }

    [Fact]
    public async Task AnExistingRepository_GetsItsMissingSettings_AndKeepsFilesPublishDoesNotName()
    {
        var existing = _harness.GitHub.AddRepository(
            Org,
            "celery-learner-template",
            new Dictionary<string, string> { ["NOTES.md"] = "the admin's own notes\n" }
        );
        existing.ActionsAccess = "none";

        var plan = await _harness.PublishAsync(RepositoryPaths.Root, dryRun: false);

        Assert.Contains(plan.Items, i =>
            i is { Kind: PlanKind.Setting, Action: PlanAction.Update } && i.Target == $"{Org}/celery-learner-template is_template"
        );
        Assert.True(existing.IsTemplate);
        Assert.Equal("the admin's own notes\n", _harness.GitHub.ReadFile($"{Org}/celery-learner-template", "NOTES.md"));
    }

    [Fact]
    public async Task APlaceholderPublishCannotFill_IsRefusedBeforeAnythingIsWritten()
    {
        var source = CopySources();
        File.AppendAllText(Path.Combine(source, "templates", "learner", "README.md"), "\nAsk __COURSE_TEACHER__.\n");
        File.AppendAllText(Path.Combine(source, "templates", "course", "README.md"), "\nRun by COURSE_OWNER.\n");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.PublishAsync(source, dryRun: false));

        Assert.Equal(
            "placeholders publish has no value for (nothing was written): README.md: COURSE_OWNER; README.md: __COURSE_TEACHER__",
            refused.Message
        );
        Assert.Equal(0, _harness.Writes);
        Assert.Empty(_harness.GitHub.State.Repos);
    }

    /// <summary>The files publish reads, in a folder a test may change.</summary>
    private static string CopySources()
    {
        var root = Directory.CreateTempSubdirectory("coursebot-publish-").FullName;
        foreach (var relative in Sources)
        {
            var from = Path.Combine(RepositoryPaths.Root, relative);
            var files = File.Exists(from) ? [from] : Directory.GetFiles(from, "*", SearchOption.AllDirectories);
            foreach (var file in files)
            {
                var target = Path.Combine(root, Path.GetRelativePath(RepositoryPaths.Root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return root;
    }
}
