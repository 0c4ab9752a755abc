namespace CourseBot.Grading.Sandbox;

/// <summary>
/// Removes what a lab's learner user left in the machine's shared, world-writable folders (a link
/// in <c>/tmp</c> waiting for root, a file in <c>/dev/shm</c> for the next lab to read), once none of
/// its processes is left. Every folder is walked by descriptor, following no link and staying on
/// its file system; whatever the user owns is removed, a link as a link.
/// </summary>
internal static class LearnerLeftovers
{
    /// <summary>The folders every user may write on Debian and Ubuntu (<c>/var/lock</c> is a link to <c>/run/lock</c>).</summary>
    public static readonly IReadOnlyList<string> SharedFolders = ["/tmp", "/var/tmp", "/dev/shm", "/run/lock", "/dev/mqueue", "/var/crash"];

    private const int MaxDepth = 64;

    /// <summary>
    /// Removes every entry owned by <paramref name="uid"/> under <paramref name="folders"/>; returns how many,
    /// and what could not be removed.
    /// </summary>
    public static (int Removed, List<string> Failed) Remove(int uid, IEnumerable<string> folders)
    {
        var removed = 0;
        var failed = new List<string>();
        foreach (var path in folders)
        {
            DirectoryHandle folder;
            try
            {
                folder = DirectoryHandle.Open(path, requireRootOwned: false);
            }
            catch (IOException)
            {
                continue; // not on this machine (or a link, which is not followed)
            }

            using (folder)
            {
                removed += Sweep(folder, (uint)uid, folder.Self().Device, 0, failed);
            }
        }

        return (removed, failed);
    }

    private static int Sweep(DirectoryHandle folder, uint uid, ulong device, int depth, List<string> failed)
    {
        var removed = 0;
        foreach (var name in folder.Names())
        {
            if (folder.Stat(name) is not { } entry)
            {
                continue;
            }

            if (entry.Uid == uid)
            {
                try
                {
                    folder.Remove(name);
                    removed++;
                }
                catch (IOException ex)
                {
                    failed.Add(ex.Message);
                }
            }
            else if (entry.IsDirectory && entry.Device == device && depth < MaxDepth && folder.TryOpenChild(name) is { } child)
            {
                using (child)
                {
                    removed += Sweep(child, uid, device, depth + 1, failed);
                }
            }
        }

        return removed;
    }
}
