using System.Runtime.InteropServices;
using static CourseBot.Grading.Sandbox.NativeMethods;

namespace CourseBot.Grading.Sandbox;

/// <summary>
/// A directory held open by descriptor. Every name is looked up relative to it and never through a
/// symbolic link (<c>openat</c>/<c>fstatat</c>/<c>fchownat</c>/<c>unlinkat</c> with no-follow flags), so a
/// learner who puts a link where root expects a folder makes root's call fail instead of sending
/// root somewhere else.
/// </summary>
internal sealed class DirectoryHandle : IDisposable
{
    private static readonly byte[] Empty = [0];
    private int _fd;

    private DirectoryHandle(int fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    /// <summary>The name the handle was opened by: for messages only, never looked up again.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="absolutePath"/> one component at a time from <c>/</c>, following no link;
    /// with <paramref name="requireRootOwned"/>, every folder on the way must be root's and writable by no one else.
    /// </summary>
    public static DirectoryHandle Open(string absolutePath, bool requireRootOwned)
    {
        if (!absolutePath.StartsWith('/'))
        {
            throw new ArgumentException($"'{absolutePath}' is not an absolute path", nameof(absolutePath));
        }

        var fd = OpenAt(AtFdCwd, Utf8Z("/"), OReadOnly | ODirectory | OCloseOnExec, 0);
        var handle = fd >= 0 ? new DirectoryHandle(fd, "/") : throw Failure("open", "/");
        try
        {
            foreach (var part in absolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part is "." or "..")
                {
                    throw new ArgumentException($"'{absolutePath}' is not a plain path", nameof(absolutePath));
                }

                if (requireRootOwned)
                {
                    handle.RequireRootOwned();
                }

                var child = handle.OpenChild(Utf8Z(part));
                handle.Dispose();
                handle = child;
            }

            if (requireRootOwned)
            {
                handle.RequireRootOwned();
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Opens a sub-folder; fails (ELOOP/ENOTDIR) when <paramref name="name"/> is a link or not a folder.</summary>
    public DirectoryHandle OpenChild(byte[] name) =>
        TryOpenChild(name) ?? throw Failure("open", Describe(name));

    public DirectoryHandle? TryOpenChild(byte[] name)
    {
        var fd = OpenAt(_fd, name, OReadOnly | ODirectory | ONoFollow | OCloseOnExec, 0);
        return fd >= 0 ? new DirectoryHandle(fd, Describe(name)) : null;
    }

    /// <summary>
    /// Opens a regular file below this folder for reading. Links are followed only while they stay
    /// below it: the kernel checks every step (<c>openat2</c> with <c>RESOLVE_BENEATH</c>), so a link swapped
    /// in mid-lookup cannot lead out. Where <c>openat2</c> is missing (old kernels, strict seccomp) no link
    /// is followed at all. Null when missing, outside, or not a regular file (a FIFO, a device).
    /// </summary>
    public Microsoft.Win32.SafeHandles.SafeFileHandle? OpenFileBeneath(string relativePath)
    {
        const int flags = OReadOnly | OCloseOnExec | ONonBlocking;
        var fd = OpenAt2(_fd, Utf8Z(relativePath), flags, ResolveBeneath | ResolveNoMagicLinks);
        if (fd < 0 && Marshal.GetLastPInvokeError() is ENoSys or EPerm)
        {
            fd = OpenWithoutLinks(relativePath, flags);
        }

        if (fd < 0)
        {
            return null;
        }

        var file = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[256];
        if (StatX(fd, Empty, AtEmptyPath, StatxOwnerAndMode, buffer) != 0 || (BitConverter.ToUInt16(buffer.AsSpan(28)) & 0xF000) != 0x8000)
        {
            file.Dispose();
            return null;
        }

        return file;
    }

    /// <summary>Makes a new sub-folder (failing if the name exists at all) and gives it its owner and mode by descriptor.</summary>
    public DirectoryHandle CreateChild(string name, UnixFileMode mode, int uid, int gid)
    {
        var bytes = Utf8Z(name);
        if (MakeDirectoryAt(_fd, bytes, 0x1C0) != 0)
        {
            throw Failure("create", Describe(bytes));
        }

        var child = OpenChild(bytes);
        if (ChangeOwner(child._fd, (uint)uid, (uint)gid) != 0 || ChangeMode(child._fd, (uint)mode) != 0)
        {
            child.Dispose();
            throw Failure("set the owner of", Describe(bytes));
        }

        return child;
    }

    /// <summary>Owner, type and device of the folder itself.</summary>
    public FileEntry Self() => Stat(Empty, AtEmptyPath) ?? throw Failure("stat", Path);

    /// <summary>Owner, type and device of <paramref name="name"/> itself (a link is described, not followed); null when gone.</summary>
    public FileEntry? Stat(byte[] name) => Stat(name, AtSymlinkNoFollow);

    /// <summary>The names in the folder (not <c>.</c> and <c>..</c>), exactly as stored.</summary>
    public List<byte[]> Names()
    {
        var names = new List<byte[]>();
        var copy = Dup(_fd);
        var stream = copy >= 0 ? OpenDirectoryStream(copy) : 0;
        if (stream == 0)
        {
            if (copy >= 0)
            {
                Close(copy);
            }

            throw Failure("list", Path);
        }

        try
        {
            // A duplicate shares the read position: start from the top whatever was read before.
            RewindDirectory(stream);
            for (var entry = ReadDirectory(stream); entry != 0; entry = ReadDirectory(stream))
            {
                var name = DirentName(entry);
                if (name is not [(byte)'.', 0] and not [(byte)'.', (byte)'.', 0])
                {
                    names.Add(name);
                }
            }
        }
        finally
        {
            CloseDirectoryStream(stream);
        }

        return names;
    }

    /// <summary>Removes <paramref name="name"/> and, if it is a folder (not a link to one), everything in it.</summary>
    public void Remove(byte[] name)
    {
        if (Stat(name) is not { } entry)
        {
            return;
        }

        if (entry.IsDirectory && TryOpenChild(name) is { } child)
        {
            using (child)
            {
                child.RemoveContents();
            }
        }

        if (UnlinkAt(_fd, name, entry.IsDirectory ? AtRemoveDir : 0) != 0 && Marshal.GetLastPInvokeError() != ENoEnt)
        {
            throw Failure("remove", Describe(name));
        }
    }

    public void RemoveContents()
    {
        foreach (var name in Names())
        {
            Remove(name);
        }
    }

    /// <summary>Gives the folder and everything below it to <paramref name="uid"/>; links are re-owned, never followed.</summary>
    public void ChangeOwnerOfTree(int uid, int gid)
    {
        if (ChangeOwner(_fd, (uint)uid, (uint)gid) != 0)
        {
            throw Failure("set the owner of", Path);
        }

        foreach (var name in Names())
        {
            var entry = Stat(name);
            if (entry is { IsDirectory: true } && TryOpenChild(name) is { } child)
            {
                using (child)
                {
                    child.ChangeOwnerOfTree(uid, gid);
                }
            }
            else if (entry is not null && ChangeOwnerAt(_fd, name, (uint)uid, (uint)gid, AtSymlinkNoFollow) != 0)
            {
                throw Failure("set the owner of", Describe(name));
            }
        }
    }

    /// <summary>The fallback of <see cref="OpenFileBeneath"/>: one component at a time, refusing every link and every <c>..</c>.</summary>
    private int OpenWithoutLinks(string relativePath, int flags)
    {
        var parts = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p == ".."))
        {
            return -1;
        }

        var folder = Dup(_fd);
        for (var i = 0; i < parts.Length - 1 && folder >= 0; i++)
        {
            var next = OpenAt(folder, Utf8Z(parts[i]), OReadOnly | ODirectory | ONoFollow | OCloseOnExec, 0);
            Close(folder);
            folder = next;
        }

        if (folder < 0)
        {
            return -1;
        }

        var fd = OpenAt(folder, Utf8Z(parts[^1]), flags | ONoFollow, 0);
        Close(folder);
        return fd;
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            Close(_fd);
            _fd = -1;
        }
    }

    private void RequireRootOwned()
    {
        var self = Self();
        if (self.Uid != 0 || (self.Mode & 0x12) != 0)
        {
            var mode = Convert.ToString(self.Mode & 0xFFF, 8);
            throw new SandboxException($"{Path} must belong to root and be writable by no one else (owner {self.Uid}, mode {mode})");
        }
    }

    private FileEntry? Stat(byte[] name, int flags)
    {
        var buffer = new byte[256];
        if (StatX(_fd, name, flags, StatxOwnerAndMode, buffer) != 0)
        {
            return null;
        }

        var span = buffer.AsSpan();
        return new FileEntry(
            BitConverter.ToUInt32(span[20..]),
            BitConverter.ToUInt16(span[28..]),
            ((ulong)BitConverter.ToUInt32(span[136..]) << 32) | BitConverter.ToUInt32(span[140..]));
    }

    private string Describe(byte[] name) => System.IO.Path.Combine(Path, System.Text.Encoding.UTF8.GetString(name, 0, name.Length - 1));

    private static IOException Failure(string what, string path) =>
        new($"could not {what} {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
}
