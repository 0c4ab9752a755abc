using System.Text.RegularExpressions;

namespace CourseBot.Tests.Workflows;

/// <summary>Supply chain and script injection rules every workflow and action.yml of the repository keeps.</summary>
public sealed partial class WorkflowPinningTests
{
    private static readonly string[] Placeholders = ["__GRADER_ACTION__", "__COURSE_WORKFLOW__"];

    [Fact]
    public void Every_uses_is_pinned_by_commit_sha_with_its_version_in_a_comment()
    {
        var files = WorkflowFiles.WorkflowsAndActions();
        var uses = files.SelectMany(file => WorkflowDocument.Load(file).ValuesOf("uses").Select(u => (file, u))).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, item => Assert.True(
            Placeholders.Contains(item.u) || item.u.StartsWith("./", StringComparison.Ordinal) || PinnedBySha().IsMatch(item.u),
            $"{item.file}: '{item.u}' is not pinned by a 40-hex commit SHA"));
        var lines = files.SelectMany(file => File.ReadLines(file).Where(l => PinnedLine().IsMatch(l)).Select(l => (file, l)));
        Assert.All(lines, item => Assert.True(VersionComment().IsMatch(item.l), $"{item.file}: '{item.l.Trim()}' names no version"));
    }

    [Fact]
    public void No_run_script_contains_an_expression()
    {
        // ${{ }} in run: is spliced into the script text before bash reads it: values go through env: instead.
        var runs = WorkflowFiles.WorkflowsAndActions()
            .SelectMany(file => WorkflowDocument.Load(file).ValuesOf("run").Select(r => (file, r))).ToList();

        Assert.NotEmpty(runs);
        Assert.All(runs, item => Assert.DoesNotContain("${{", item.r, StringComparison.Ordinal));
    }

    [Fact]
    public void The_pinning_rule_tells_a_tag_from_a_sha()
    {
        Assert.Matches(PinnedBySha(), "actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09");
        Assert.DoesNotMatch(PinnedBySha(), "actions/checkout@v5");
        Assert.DoesNotMatch(PinnedBySha(), "actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c0");
        Assert.DoesNotMatch(PinnedBySha(), "course-org/coursebot-grader@main");
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedBySha();

    [GeneratedRegex(@"^\s*(-\s+)?uses:\s+[^_\s]\S*@[0-9a-f]{40}")]
    private static partial Regex PinnedLine();

    [GeneratedRegex(@"@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$")]
    private static partial Regex VersionComment();
}
