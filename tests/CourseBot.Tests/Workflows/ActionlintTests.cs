namespace CourseBot.Tests.Workflows;

/// <summary>actionlint over every workflow in .github/workflows and templates/, as published (placeholders filled in).</summary>
public sealed class ActionlintTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coursebot-actionlint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_workflow_is_clean()
    {
        var files = WorkflowFiles.Workflows().Select(Published).ToList();

        Assert.True(files.Count >= 4, string.Join(", ", files));
        Assert.Empty(Actionlint.Lint(files));
    }

    [Fact]
    public void A_broken_workflow_is_reported()
    {
        var broken = Path.Combine(_folder, "broken.yml");
        File.WriteAllText(broken, """
            on: push
            jobs:
              a:
                runs-on: ubuntu-24.04
                steps:
                  - run: echo "${{ github.event.nonsense.title }}" ${{ matrix.missing }}
            """);

        var findings = Actionlint.Lint([broken]);

        Assert.Contains(findings, f => f.Contains("property \"missing\" is not defined", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("ubuntu-24.04", StringComparison.Ordinal));
    }

    /// <summary>A copy of the workflow as `course publish` would write it, under a name that says where it came from.</summary>
    private string Published(string file)
    {
        var name = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('/', '_');
        var copy = Path.Combine(_folder, name.TrimStart('.'));
        File.WriteAllText(copy, WorkflowPlaceholders.Fill(File.ReadAllText(file), WorkflowPlaceholders.Plausible));
        return copy;
    }
}
