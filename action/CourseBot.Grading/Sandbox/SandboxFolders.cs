using System.Security.Cryptography;

namespace CourseBot.Grading.Sandbox;

/// <summary>
/// Where a lab's sandbox lives (root runs): a fresh, randomly named folder per lab, made with
/// <c>mkdirat</c> (never reusing a name) in a parent that belongs to root and that no one else may
/// write, as must every folder above it. So no name root uses there can be planted or replaced by a
/// learner; the learner's own folders (home, tmp, work) are inside, below root's.
/// </summary>
internal static class SandboxFolders
{
    public const string DefaultParent = "/run/coursebot";

    public const UnixFileMode Traversable = OwnerOnly | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Makes <c>parent/random</c> (root, 0711: the learner may pass through to its own folders and list
    /// nothing) and returns its path.
    /// </summary>
    public static string CreateRoot(string parent)
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        using var folder = OpenParent(parent);
        folder.CreateChild(name, Traversable, 0, 0).Dispose();
        return Path.Combine(parent, name);
    }

    /// <summary>Removes a sandbox made by <see cref="CreateRoot"/>, following no link inside it.</summary>
    public static void Remove(string root)
    {
        using var folder = DirectoryHandle.Open(Path.GetDirectoryName(root)!, requireRootOwned: true);
        folder.Remove(NativeMethods.Utf8Z(Path.GetFileName(root)));
    }

    /// <summary>The parent, made (0711) when missing; refused when it, or a folder above it, is a link or not root's alone.</summary>
    private static DirectoryHandle OpenParent(string parent)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(parent));
        using (var above = DirectoryHandle.Open(Path.GetDirectoryName(full) ?? "/", requireRootOwned: true))
        {
            var name = NativeMethods.Utf8Z(Path.GetFileName(full));
            if (above.Stat(name) is null)
            {
                try
                {
                    above.CreateChild(Path.GetFileName(full), Traversable, 0, 0).Dispose();
                }
                catch (IOException) when (above.Stat(name) is not null)
                {
                    // Another grader made it first; it is checked below like any existing parent.
                }
            }
        }

        return DirectoryHandle.Open(full, requireRootOwned: true);
    }
}
