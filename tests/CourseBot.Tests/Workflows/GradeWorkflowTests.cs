using YamlDotNet.RepresentationModel;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// The grading job as the runner would start it: in debian:12 with the capability the sandbox's
/// firewall needs, everything installed before the learner's commit is on disk, no step but the
/// grader after the checkout, and every package a lab or the proofs use.
/// </summary>
public sealed class GradeWorkflowTests
{
    private static readonly WorkflowDocument Workflow = WorkflowDocument.Load(WorkflowFiles.GradeWorkflow);
    private static readonly YamlMappingNode Job = Workflow.Job("grade");

    [Fact]
    public void The_job_runs_in_debian_12_with_net_admin_and_mints_tokens_only_for_the_course()
    {
        var container = WorkflowDocument.Mapping(Job, "container");
        Assert.Equal("debian:12", WorkflowDocument.Text(container, "image"));
        Assert.Contains("--cap-add=NET_ADMIN", WorkflowDocument.Text(container, "options"), StringComparison.Ordinal);
        var permissions = WorkflowDocument.Mapping(Workflow.Root, "permissions");
        Assert.Equal("write", WorkflowDocument.Text(permissions, "id-token"));
        Assert.Equal("read", WorkflowDocument.Text(permissions, "contents"));
        var condition = WorkflowDocument.Text(Job, "if")!;
        Assert.Contains("github.repository_owner == '__COURSE_OWNER__'", condition, StringComparison.Ordinal);
        Assert.Contains("startsWith(github.event.head_commit.message, 'coursebot:')", condition, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_runs_after_the_checkout_but_the_pinned_grader_and_nothing_before_it_runs_in_the_workspace()
    {
        var steps = Workflow.JobSteps("grade");
        var checkout = steps.ToList().FindIndex(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);

        Assert.Equal(steps.Count - 2, checkout);
        Assert.Equal("false", steps[checkout].With["persist-credentials"]);
        Assert.Equal("__GRADER_ACTION__", steps[^1].Uses);
        Assert.Equal("__BOT_URL__", steps[^1].With["bot-url"]);
        Assert.All(steps.Take(checkout), step =>
        {
            Assert.NotNull(step.Run);
            Assert.Equal("/", step.WorkingDirectory);
            Assert.StartsWith("/bin/bash ", step.Shell, StringComparison.Ordinal);
            Assert.StartsWith("export PATH=/usr/sbin:/usr/bin:/sbin:/bin", step.Run, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_action_never_uses_the_checkout_as_working_directory_nor_a_shell_from_path()
    {
        var steps = WorkflowDocument.Load(WorkflowFiles.Action).CompositeSteps();

        Assert.All(steps, step =>
        {
            Assert.Equal("/", step.WorkingDirectory);
            Assert.StartsWith("/bin/bash ", step.Shell, StringComparison.Ordinal);
            Assert.StartsWith("export PATH=/usr/sbin:/usr/bin:/sbin:/bin", step.Run, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_cache_the_learners_repository_can_write_is_restored_as_root()
    {
        // actions/cache unpacks with `tar -P` as root, and a learner's own workflow can save any key in
        // their repository's cache: restoring one here would run learner files as root before the sandbox.
        Assert.DoesNotContain(Workflow.ValuesOf("uses"), u => u.StartsWith("actions/cache", StringComparison.Ordinal));
    }

    [Fact]
    public void The_job_installs_every_package_the_proofs_and_the_labs_use()
    {
        var installed = Packages(Workflow.ValuesOf("COURSEBOT_APT_PACKAGES").Single());
        var ciRun = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "test"));
        var proofs = ciRun[(ciRun.IndexOf("APT_PACKAGES=(", StringComparison.Ordinal) + 14)..];
        proofs = proofs[..proofs.IndexOf(')', StringComparison.Ordinal)];
        // The browser and fonts are for rendering badges in the bot's tests, not for labs; sudo is for the README's
        // `sudo ./coursebot lab prove` (the grading container runs the grader as root).
        var labPackages = Packages(proofs)
            .Where(p =>
                !p.StartsWith("chromium", StringComparison.Ordinal) && !p.StartsWith("fonts-", StringComparison.Ordinal) && p != "sudo"
            );

        Assert.Empty(labPackages.Except(installed));
        Assert.Empty(DeclaredByLabs().Except(installed));
    }

    private static HashSet<string> Packages(string list) =>
        list.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The <c>packages:</c> every lab.yml declares (labs without the field declare none).</summary>
    private static IEnumerable<string> DeclaredByLabs() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Curriculum, "modules"), "lab.yml", SearchOption.AllDirectories)
            .SelectMany(file =>
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                return stream.Documents[0].RootNode is YamlMappingNode lab
                    && lab.Children.TryGetValue(new YamlScalarNode("packages"), out var node) && node is YamlSequenceNode list
                    ? list.Children.OfType<YamlScalarNode>().Select(p => p.Value ?? "")
                    : [];
            });
}
