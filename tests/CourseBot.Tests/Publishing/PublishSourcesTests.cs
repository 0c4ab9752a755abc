using CourseBot.Core.Publishing;

namespace CourseBot.Tests.Publishing;

/// <summary>A lab's grading material copied into a template by mistake stops publish instead of reaching learners.</summary>
public sealed class PublishSourcesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("coursebot-sources-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("labs/demo/sum-lab/wrong/subtracts/add.py")]
    [InlineData("labs/demo/sum-lab/alt/uses-sum/add.py")]
    [InlineData("labs/demo/sum-lab/solution/add.py")]
    [InlineData("labs/demo/sum-lab/hidden/test_add.py")]
    [InlineData("labs/demo/sum-lab/proof.yml")]
    public void TheLearnerTemplate_WithGradingMaterial_IsRefused(string path)
    {
        Write("templates/learner/labs/demo/sum-lab/add.py", "print('TODO')\n");
        Write("templates/learner/" + path, "x = 1\n");

        var error = Assert.Throws<InvalidOperationException>(() => new PublishSources(_root).LearnerTemplate());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLearnerTemplate_WithStarterCodeOnly_IsRead()
    {
        Write("templates/learner/labs/demo/sum-lab/add.py", "print('TODO')\n");

        var files = new PublishSources(_root).LearnerTemplate();

        Assert.Equal(["labs/demo/sum-lab/add.py"], files.Select(f => f.Path));
    }

    private void Write(string relative, string content)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
