using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// The learner's grading shim runs nothing itself: it calls the course's workflow (pinned by commit
/// SHA on publish) with the permissions that workflow needs, on pushes and on the bot's dispatch.
/// </summary>
public sealed partial class LearnerShimTests
{
    private static readonly string Shim = Path.Combine(RepositoryPaths.Root, "templates", "learner", ".github", "workflows", "grade.yml");

    [Fact]
    public void The_shim_only_calls_the_course_workflow_with_the_permissions_it_needs()
    {
        var shim = WorkflowDocument.Load(Shim);
        var jobs = WorkflowDocument.Mapping(shim.Root, "jobs");
        var job = WorkflowDocument.Mapping(jobs, "grade");

        Assert.Single(jobs.Children);
        Assert.Equal("__COURSE_WORKFLOW__", WorkflowDocument.Text(job, "uses"));
        Assert.False(job.Children.ContainsKey(new YamlScalarNode("steps")));
        Assert.False(job.Children.ContainsKey(new YamlScalarNode("with")));
        var permissions = WorkflowDocument.Mapping(job, "permissions");
        Assert.Equal("write", WorkflowDocument.Text(permissions, "id-token"));
        Assert.Equal("read", WorkflowDocument.Text(permissions, "contents"));
        // The bot's /recheck dispatches grade.yml; pushes grade new work.
        var on = WorkflowDocument.Mapping(shim.Root, "on");
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("push")));
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
    }

    [Fact]
    public void No_workflow_or_action_holds_the_old_hand_edited_placeholders()
    {
        Assert.Matches(OldPlaceholder(), "uses: COURSE_OWNER/COURSE_REPO/action@main");
        Assert.DoesNotMatch(OldPlaceholder(), "github.repository_owner == '__COURSE_OWNER__'");
        var files = WorkflowFiles.WorkflowsAndActions().Append(Path.Combine(RepositoryPaths.Root, "action", "README.md"));

        Assert.All(files, file => Assert.DoesNotMatch(OldPlaceholder(), File.ReadAllText(file)));
    }

    [GeneratedRegex("(?<!_)(COURSE_OWNER|COURSE_REPO|COURSEBOT_HOST)(?!_)")]
    private static partial Regex OldPlaceholder();
}
