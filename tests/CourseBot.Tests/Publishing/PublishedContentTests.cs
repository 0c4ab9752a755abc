using CourseBot.Core.Publishing;

namespace CourseBot.Tests.Publishing;

/// <summary>
/// Content stays with the bot: nothing publish writes (every file of every repository, as the plan
/// carries it and as the emulated GitHub holds it after a real run) and nothing in the learner
/// template holds a hidden test, a solution, a lab.yml, a quiz answer or explanation, or a placeholder.
/// </summary>
public sealed class PublishedContentTests : IAsyncLifetime
{
    private static readonly CourseSecrets Secrets = new(RepositoryPaths.Root);
    private PublishHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PublishHarness.StartAsync(asOwner: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public void TheSecrets_AreKnown()
    {
        var (files, lines, explanations) = Secrets.Counts;
        Assert.True(files > 100 && lines > 1000 && explanations > 400, $"{files} files, {lines} lines, {explanations} explanations");
    }

    [Fact]
    public async Task EverythingPublishWouldWrite_HoldsNoSecretAndNoPlaceholder()
    {
        var dryRun = await _harness.PublishAsync(RepositoryPaths.Root, dryRun: true);
        var published = await _harness.PublishAsync(RepositoryPaths.Root, dryRun: false);

        var files = dryRun.Items.Concat(published.Items).Where(i => i.Kind == PlanKind.File).ToList();
        Assert.True(files.Count > 200, $"{files.Count} files");
        var inPlan = files.SelectMany(f => Secrets.Find(f.Target, f.Content!)).Where(NotAPendingPin).Distinct().ToList();
        Assert.True(inPlan.Count == 0, string.Join('\n', inPlan));

        string[] held;
        lock (_harness.GitHub.State.Gate)
        {
            held = _harness
                .GitHub.State.Repos.Values.SelectMany(r =>
                    _harness.GitHub.State.Trees[_harness.GitHub.State.Commits[r.Refs["main"]].Tree].Keys.Select(p => $"{r.FullName}:{p}")
                )
                .ToArray();
        }

        Assert.Equal(
            [],
            held.SelectMany(h =>
                Secrets.Find(
                    h,
                    _harness.GitHub.ReadFile(
                        h[..h.IndexOf(':', StringComparison.Ordinal)],
                        h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..]
                    )!
                )
            )
        );
    }

    [Fact]
    public void TheLearnerTemplate_HoldsNoHiddenOrSolutionMaterial()
    {
        var template = Path.Combine(RepositoryPaths.Root, "templates", "learner");
        var found = Directory.GetFiles(template, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("__pycache__", StringComparison.Ordinal))
            .SelectMany(f => Secrets.Find("templates/learner/" + Path.GetRelativePath(template, f).Replace('\\', '/'), File.ReadAllText(f)))
            .Where(f => !f.EndsWith("placeholder __COURSE_WORKFLOW__ left", StringComparison.Ordinal));

        Assert.True(!found.Any(), string.Join('\n', found));
    }

    [Fact]
    public void TheCheck_FindsAHiddenTest_AnAnswerKey_AndAPlaceholder()
    {
        var hidden = Directory
            .GetFiles(Path.Combine(RepositoryPaths.Curriculum, "modules"), "test_first_app.py", SearchOption.AllDirectories)
            .Single();

        var found = Secrets
            .Find("x/README.md", "Notes\n" + File.ReadAllText(hidden) + "\n  answer: b\nuses: __GRADER_ACTION__\nCOURSE_OWNER\n")
            .ToList();

        Assert.Contains(found, f =>
            f.Contains(
                "holds all of curriculum/modules/02-first-celery-app/labs/first-app-lab/hidden/test_first_app.py",
                StringComparison.Ordinal
            )
        );
        Assert.Contains("x/README.md: holds an answer: key", found);

        // One line of a hidden test that no starter shows is enough.
        var line = File.ReadAllLines(hidden)
            .Select(l => l.Trim())
            .First(l => l.StartsWith("def test_the_three_tasks", StringComparison.Ordinal));
        Assert.Contains(Secrets.Find("y/notes.md", "see " + line), f =>
            f.StartsWith("y/notes.md: holds a line of", StringComparison.Ordinal)
        );
        Assert.Contains("x/README.md: placeholder __GRADER_ACTION__ left", found);
        Assert.Contains(
            "labs/x/wrong/hardcoded-sum/tasks.py: a lab's grading file by its name",
            Secrets.Find("labs/x/wrong/hardcoded-sum/tasks.py", "x = 1")
        );
        Assert.Contains(
            "labs/x/alt/uses-chord/proof.yml: a lab's grading file by its name",
            Secrets.Find("labs/x/alt/uses-chord/proof.yml", "why: y")
        );
        Assert.Contains("x/README.md: placeholder COURSE_OWNER left", found);
    }

    /// <summary>A dry run names commits that do not exist yet; that text is no secret.</summary>
    private static bool NotAPendingPin(string finding) => !finding.Contains("(the commit publish makes in", StringComparison.Ordinal);
}
