using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>How root opens what a learner can change: by descriptor, never through a link that leads out.</summary>
[Collection(GradingTestGroup.Name)]
public sealed class SandboxFilesTests
{
    [Fact]
    public async Task Sandbox_ParentOthersCanWrite_IsRefused()
    {
        // Beside the real parent, in /run (root's, 0755): only the folder's own mode makes it unsafe.
        var parent = Directory.CreateDirectory("/run/coursebot-test-" + Guid.NewGuid().ToString("N")[..12]).FullName;
        var link = parent + "-link";
        try
        {
            File.SetUnixFileMode(parent, (UnixFileMode)0x1FF);
            var open = new SandboxOptions { SandboxParent = Path.Combine(parent, "sandboxes") };
            var refused = await Assert.ThrowsAsync<SandboxException>(() => LearnerSandbox.CreateAsync(".", open, CancellationToken.None));
            Assert.Equal($"{parent} must belong to root and be writable by no one else (owner 0, mode 777)", refused.Message);

            // A parent reached through a link is refused too: the link is not followed.
            File.SetUnixFileMode(parent, SandboxFolders.Traversable);
            File.CreateSymbolicLink(link, parent);
            var behindLink = new SandboxOptions { SandboxParent = Path.Combine(link, "sandboxes") };
            await Assert.ThrowsAsync<IOException>(() => LearnerSandbox.CreateAsync(".", behindLink, CancellationToken.None));
            Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
        }
        finally
        {
            File.Delete(link);
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task OpenInsideWork_FollowsLinksOnlyWhileTheyStayInside()
    {
        using var workspace = new Workspace(new Dictionary<string, string> { ["lab/notes.txt"] = "mine" });
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "lab", "inside"), "notes.txt");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "lab", "outside"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "lab", "up"), "../../../../../../etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(workspace.Root, "lab", "etc"), "/etc");
        await using var sandbox = await LearnerSandbox.CreateAsync(workspace.Root, new SandboxOptions(), CancellationToken.None);

        Assert.Equal("mine", Read(sandbox, "lab/notes.txt"));
        Assert.Equal("mine", Read(sandbox, "lab/inside"));
        Assert.Null(Read(sandbox, "lab/outside"));
        Assert.Null(Read(sandbox, "lab/up"));
        Assert.Null(Read(sandbox, "lab/etc/passwd"));
        Assert.Null(Read(sandbox, "../../../etc/passwd"));
        Assert.Null(Read(sandbox, "lab"));
        Assert.Null(Read(sandbox, "lab/missing.txt"));
    }

    private static string? Read(LearnerSandbox sandbox, string relative)
    {
        using var file = sandbox.OpenInsideWork(relative);
        return file is null ? null : new StreamReader(file).ReadToEnd();
    }
}
