using System.Security.Cryptography;
using System.Text.Json;
using CourseBot.Core.GitHub;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Infrastructure;
using Octokit;

namespace CourseBot.Tests.Emulator;

/// <summary>The emulator through the real Octokit client over HTTP, and its fidelity to GitHub's OpenAPI description.</summary>
public sealed class EmulatorTests : IAsyncLifetime, IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private GitHubEmulator.GitHubEmulator _github = null!;
    private GitHubClientFactory _factory = null!;
    private long _installation;

    public async Task InitializeAsync()
    {
        _github = await GitHubEmulator.GitHubEmulator.StartAsync(new EmulatorOptions { GenerationDelay = TimeSpan.FromSeconds(3) });
        _installation = _github.AddInstallation("course-org");
        _github.AddRepository(
            "course-org",
            "learner-template",
            new Dictionary<string, string>
            {
                ["README.md"] = "# Your Celery course\n",
                ["labs/first-celery-app/first-app-lab/tasks.py"] = "# TODO\n",
            },
            template: true
        );
        _factory = EmulatorClients.For(_github, _key);
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose()
    {
        _factory.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task Octokit_GeneratesARepository_ThenWorksWithIssuesLabelsMilestonesAndGitData()
    {
        var client = _factory.ForInstallation(_installation);
        var repo = await client.Repository.Generate(
            "course-org",
            "learner-template",
            new NewRepositoryFromTemplate("learner-ada") { Owner = "course-org", Private = true }
        );
        Assert.Equal("course-org/learner-ada", repo.FullName);

        // Generation is asynchronous: contents are missing at first, then present.
        await Assert.ThrowsAsync<NotFoundException>(() =>
            client.Connection.Get<object>(new Uri("repos/course-org/learner-ada/contents/README.md", UriKind.Relative), null)
        );
        // (a generous delay, waited out by polling: a busy CI machine must not turn "missing at first" into "present")
        IReadOnlyList<RepositoryContent>? readme = null;
        for (
            var clock = System.Diagnostics.Stopwatch.StartNew();
            readme is null && clock.Elapsed < TimeSpan.FromSeconds(20);
            await Task.Delay(200)
        )
        {
            try
            {
                readme = await client.Repository.Content.GetAllContents("course-org", "learner-ada", "README.md");
            }
            catch (NotFoundException)
            {
            }
        }

        Assert.NotNull(readme);
        Assert.Equal("# Your Celery course\n", readme.Single().Content);

        var label = await client.Issue.Labels.Create("course-org", "learner-ada", new NewLabel("module:1", "0e8a16"));
        var milestone = await client.Issue.Milestone.Create(
            "course-org",
            "learner-ada",
            new NewMilestone("Month 1") { DueOn = new DateTimeOffset(2026, 12, 25, 0, 0, 0, TimeSpan.Zero) }
        );
        var issue = await client.Issue.Create(
            "course-org",
            "learner-ada",
            new NewIssue("Module 1")
            {
                Body = "lesson",
                Milestone = milestone.Number,
                Labels = { label.Name },
            }
        );
        var comment = await client.Issue.Comment.Create("course-org", "learner-ada", issue.Number, "results");
        await client.Issue.Comment.Update("course-org", "learner-ada", comment.Id, "results, updated");
        // As on GitHub, an update sends the milestone (null clears it): start from the issue's own values.
        var close = issue.ToUpdate();
        close.State = ItemState.Closed;
        await client.Issue.Update("course-org", "learner-ada", issue.Number, close);
        var reread = await client.Issue.Get("course-org", "learner-ada", issue.Number);
        Assert.Equal((ItemState.Closed, "module:1", "Month 1"), (reread.State.Value, reread.Labels.Single().Name, reread.Milestone.Title));
        Assert.Equal(
            "results, updated",
            (await client.Issue.Comment.GetAllForIssue("course-org", "learner-ada", issue.Number)).Single().Body
        );

        // Several files in one commit through the Git Data API.
        // The documented GET /git/ref/{ref} (Octokit's Reference.Get uses the undocumented plural form).
        var head = (
            await client.Connection.Get<Reference>(new Uri("repos/course-org/learner-ada/git/ref/heads/main", UriKind.Relative), null)
        ).Body;
        var parent = await client.Git.Commit.Get("course-org", "learner-ada", head.Object.Sha);
        var tree = new NewTree { BaseTree = parent.Tree.Sha };
        tree.Tree.Add(
            new NewTreeItem
            {
                Path = "README.md",
                Mode = "100644",
                Type = TreeType.Blob,
                Sha = (
                    await client.Git.Blob.Create(
                        "course-org",
                        "learner-ada",
                        new NewBlob { Content = "# Progress\n", Encoding = EncodingType.Utf8 }
                    )
                ).Sha,
            }
        );
        tree.Tree.Add(
            new NewTreeItem
            {
                Path = "badges/path-1.svg",
                Mode = "100644",
                Type = TreeType.Blob,
                Sha = (
                    await client.Git.Blob.Create(
                        "course-org",
                        "learner-ada",
                        new NewBlob { Content = "<svg/>", Encoding = EncodingType.Utf8 }
                    )
                ).Sha,
            }
        );
        var newTree = await client.Git.Tree.Create("course-org", "learner-ada", tree);
        var commit = await client.Git.Commit.Create(
            "course-org",
            "learner-ada",
            new NewCommit("coursebot: progress", newTree.Sha, parent.Sha)
        );
        await client.Git.Reference.Update("course-org", "learner-ada", "heads/main", new ReferenceUpdate(commit.Sha));
        Assert.Equal("# Progress\n", _github.ReadFile("course-org/learner-ada", "README.md"));
        Assert.Equal("<svg/>", _github.ReadFile("course-org/learner-ada", "badges/path-1.svg"));

        // The Contents API refuses a stale sha.
        var stale = await Assert.ThrowsAnyAsync<ApiException>(() =>
            client.Repository.Content.UpdateFile(
                "course-org",
                "learner-ada",
                "README.md",
                new UpdateFileRequest("edit", "x", readme.Single().Sha)
            )
        );
        Assert.Equal(System.Net.HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(1, _github.Calls["POST /repos/{owner}/{repo}/issues"]);
        Assert.Equal(1, _github.Calls["POST /app/installations/{installation_id}/access_tokens"]);
    }

    [Fact]
    public async Task TeamMembership_And_Invitations_AreEmulated()
    {
        _github.AddTeamMember("course-org", "instructors", "grace", "maintainer");
        var client = _factory.ForInstallation(_installation);
        _github.AddRepository("course-org", "learner-bob", new Dictionary<string, string> { ["README.md"] = "x" });
        var invitation = await client.Repository.Collaborator.Invite("course-org", "learner-bob", "bob");
        Assert.Equal("bob", invitation.Invitee.Login);
        Assert.True(_github.State.Repos["course-org/learner-bob"].Invitations.ContainsKey("bob"));
        var response = await client.Connection.Get<object>(
            new Uri("orgs/course-org/teams/instructors/memberships/grace", UriKind.Relative),
            null
        );
        Assert.Equal(System.Net.HttpStatusCode.OK, response.HttpResponse.StatusCode);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            client.Connection.Get<object>(new Uri("orgs/course-org/teams/instructors/memberships/mallory", UriKind.Relative), null)
        );
    }

    [Fact]
    public async Task Octokit_OpensAPullRequestBetweenExistingBranches_AndReviewsIt()
    {
        var client = _factory.ForInstallation(_installation);
        _github.AddRepository(
            "course-org",
            "learner-cy",
            new Dictionary<string, string> { ["README.md"] = "# Capstone\n", ["app.py"] = "print('a')\nprint('b')\n" }
        );
        var issue = await client.Issue.Create("course-org", "learner-cy", new NewIssue("Capstone"));
        var main = (
            await client.Connection.Get<Reference>(new Uri("repos/course-org/learner-cy/git/ref/heads/main", UriKind.Relative), null)
        )
            .Body
            .Object
            .Sha;
        await client.Git.Reference.Create("course-org", "learner-cy", new NewReference("refs/heads/capstone", main));

        // A branch with nothing new is refused like a missing branch would be, each with GitHub's 422.
        var empty = await Assert.ThrowsAsync<ApiValidationException>(() =>
            client.PullRequest.Create("course-org", "learner-cy", new NewPullRequest("Capstone", "capstone", "main"))
        );
        Assert.Contains("No commits between main and capstone", empty.ApiError.Errors.Single().Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<ApiValidationException>(() =>
            client.PullRequest.Create("course-org", "learner-cy", new NewPullRequest("Capstone", "nowhere", "trunk"))
        );
        Assert.Equal(["base", "head"], missing.ApiError.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));

        var app = (await client.Repository.Content.GetAllContents("course-org", "learner-cy", "app.py")).Single();
        await client.Repository.Content.UpdateFile(
            "course-org",
            "learner-cy",
            "app.py",
            new UpdateFileRequest("capstone", "print('a')\nprint('c')\nprint('d')\n", app.Sha, "capstone")
        );
        var pull = await client.PullRequest.Create(
            "course-org",
            "learner-cy",
            new NewPullRequest("Capstone", "course-org:capstone", "main") { Body = "My capstone" }
        );
        // Issues and pull requests share numbers, as on GitHub.
        Assert.Equal(issue.Number + 1, pull.Number);
        Assert.Equal(
            ("capstone", "main", 1, 1, 2, 1),
            (pull.Head.Ref, pull.Base.Ref, pull.Commits, pull.ChangedFiles, pull.Additions, pull.Deletions)
        );
        await Assert.ThrowsAsync<ApiValidationException>(() =>
            client.PullRequest.Create("course-org", "learner-cy", new NewPullRequest("Again", "capstone", "main"))
        );

        Assert.Equal("My capstone", (await client.PullRequest.Get("course-org", "learner-cy", pull.Number)).Body);
        Assert.Equal([pull.Number], (await client.PullRequest.GetAllForRepository("course-org", "learner-cy")).Select(p => p.Number));
        Assert.Empty(
            await client.PullRequest.GetAllForRepository(
                "course-org",
                "learner-cy",
                new PullRequestRequest { State = ItemStateFilter.Closed }
            )
        );

        // The App opened it, so it may comment but not approve.
        var approve = await Assert.ThrowsAnyAsync<ApiException>(() =>
            client.PullRequest.Review.Create(
                "course-org",
                "learner-cy",
                pull.Number,
                new PullRequestReviewCreate { Event = PullRequestReviewEvent.Approve, Body = "ok" }
            )
        );
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, approve.StatusCode);
        await client.PullRequest.Review.Create(
            "course-org",
            "learner-cy",
            pull.Number,
            new PullRequestReviewCreate { Event = PullRequestReviewEvent.Comment, Body = "Rubric: 3/4" }
        );
        var review = Assert.Single(await client.PullRequest.Review.GetAll("course-org", "learner-cy", pull.Number));
        Assert.Equal((PullRequestReviewState.Commented, "Rubric: 3/4", pull.Head.Sha), (review.State.Value, review.Body, review.CommitId));
    }

    [Fact]
    public void EveryEmulatedRoute_ExistsInGitHubsOpenApiDescription()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openapi", "paths.json")));
        var paths = spec.RootElement.GetProperty("paths");
        var missing = _github.Routes
            .Select(r => (r.Method, Path: r.Path.Replace("{*", "{", StringComparison.Ordinal)))
            .Where(r => !paths.TryGetProperty(r.Path, out var methods) || !methods.TryGetProperty(r.Method, out _))
            .Select(r => $"{r.Method} {r.Path}")
            .ToList();
        Assert.True(_github.Routes.Count >= 20, $"{_github.Routes.Count} routes");
        Assert.Equal([], missing);
    }

    [Fact]
    public async Task UnknownToken_Is401_AndLimitsComeWithHeaders()
    {
        using var http = new HttpClient { BaseAddress = _github.ApiBaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "repos/course-org/learner-template");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ghs_forged");
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);

        var client = _factory.ForInstallation(_installation);
        await client.Repository.Get("course-org", "learner-template");
        var info = client.GetLastApiInfo();
        Assert.Equal(5000, info.RateLimit.Limit);
        Assert.Equal(4999, info.RateLimit.Remaining);
    }
}
