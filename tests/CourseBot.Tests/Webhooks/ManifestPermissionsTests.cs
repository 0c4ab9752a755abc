using System.Text.Json.Nodes;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Journey;
using CourseBot.Tests.Publishing;

namespace CourseBot.Tests.Webhooks;

/// <summary>
/// The App asks for the permissions its API calls need, and no more (bot/app-manifest.json): the emulator records, for every
/// request made with an installation token, the permission GitHub documents for its route (<see cref="RoutePermissions"/>).
/// The calls are those of a learner's journey through a capstone with peer review and a <c>/recheck</c>, and a course publish.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class ManifestPermissionsTests
{
    private static readonly string[] Levels = ["read", "write"];

    [Fact]
    public async Task ManifestPermissions_AreExactlyThoseTheCallsNeed_AtTheLeastLevel()
    {
        var used = new List<PermissionUse>();
        await using (var harness = await JourneyHarness.StartAsync())
        {
            await PathScript.RunAsync(harness, duplicate: false, seed: 5);
            var learner = new LearnerScript(harness, duplicate: false, seed: 5);
            await learner.StepAsync(learner.Comment(12, "ada", "/recheck"));
            Assert.Single(harness.GitHub.Dispatches);
            used.AddRange(harness.GitHub.PermissionsUsed);
        }

        await using (var publish = await PublishHarness.StartAsync())
        {
            // As the App, publish finds the instructors team an owner made: creating a team needs members: write, more
            // than a course bot should hold, so the App's publish asks for it by hand (TeamProvisioner's message).
            publish.GitHub.AddTeamMember(PublishHarness.Org, "instructors", "grace", "maintainer");
            await publish.PublishAsync(RepositoryPaths.Root, dryRun: false);
            used.AddRange(publish.GitHub.PermissionsUsed);
        }

        var needed = used.GroupBy(u => u.Permission, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Levels[g.Max(u => Array.IndexOf(Levels, u.Access))], StringComparer.Ordinal);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "bot", "app-manifest.json")))!;
        var asked = manifest["default_permissions"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);

        // The routes that set each permission's level, to show why when the manifest differs.
        var why = string.Join("\n", used.Where(u => u.Access == needed[u.Permission])
            .Select(u => $"{u.Permission}: {u.Access} for {u.Route}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.True(needed.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(asked.OrderBy(p => p.Key, StringComparer.Ordinal)),
            $"manifest asks for {Show(asked)}; the calls need {Show(needed)}:\n{why}");
    }

    [Fact]
    public async Task RoutePermissions_NameEveryEmulatedRoute_AndNoOther()
    {
        await using var github = await GitHubEmulator.GitHubEmulator.StartAsync();
        Assert.Equal(RoutePermissions.ByRoute.Keys.Order(StringComparer.Ordinal),
            github.Routes.Select(r => $"{r.Method} {r.Path}").Distinct().Order(StringComparer.Ordinal));
        Assert.All(RoutePermissions.ByRoute.Values.SelectMany(p => p), p => Assert.Contains(p.Access, Levels));
    }

    private static string Show(Dictionary<string, string> permissions) =>
        string.Join(", ", permissions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
}
