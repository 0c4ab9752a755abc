using System.Runtime.InteropServices;

namespace CourseBot.Grading.Sandbox;

/// <summary>
/// libc calls the grader needs beyond .NET's file APIs: those resolve names through symbolic links,
/// and root must never follow a link a learner planted. Names are NUL-terminated byte strings (see
/// <see cref="Utf8Z"/>) so a learner's file name that is not valid UTF-8 is still handled exactly.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const int SigKill = 9;
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtRemoveDir = 0x200;
    public const int AtEmptyPath = 0x1000;
    public const int ENoEnt = 2;
    public const int EExist = 17;
    public const int ENoSys = 38;
    public const int EPerm = 1;
    public const int OReadOnly = 0;
    public const int ONonBlocking = 0x800;
    public const int ResolveNoMagicLinks = 0x02;
    public const int ResolveBeneath = 0x08;

    /// <summary>openat2's number: the same on x86-64 and arm64 (syscalls added since 5.x share one table).</summary>
    private const nint SysOpenAt2 = 437;
    public const int OCloseOnExec = 0x80000;

    /// <summary>STATX_TYPE | STATX_MODE | STATX_UID | STATX_GID.</summary>
    public const uint StatxOwnerAndMode = 0x1 | 0x2 | 0x8 | 0x10;

    // O_DIRECTORY and O_NOFOLLOW differ between x86-64 and arm64 (the two runner architectures).
    public static int ODirectory => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x4000 : 0x10000;

    public static int ONoFollow => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
    public static partial int OpenAt(int directory, byte[] name, int flags, uint mode);

    // close and closedir: nothing useful can be done when they fail, so their result is not read.
    [LibraryImport("libc", EntryPoint = "close")]
    public static partial void Close(int fd);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true)]
    public static partial int MakeDirectoryAt(int directory, byte[] name, uint mode);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true)]
    public static partial int UnlinkAt(int directory, byte[] name, int flags);

    [LibraryImport("libc", EntryPoint = "fchownat", SetLastError = true)]
    public static partial int ChangeOwnerAt(int directory, byte[] name, uint uid, uint gid, int flags);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    public static partial int ChangeOwner(int fd, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    public static partial int ChangeMode(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    public static partial int StatX(int directory, byte[] name, int flags, uint mask, byte[] buffer);

    [LibraryImport("libc", EntryPoint = "fdopendir", SetLastError = true)]
    public static partial nint OpenDirectoryStream(int fd);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    public static partial nint ReadDirectory(nint stream);

    [LibraryImport("libc", EntryPoint = "rewinddir")]
    public static partial void RewindDirectory(nint stream);

    [LibraryImport("libc", EntryPoint = "closedir")]
    public static partial void CloseDirectoryStream(nint stream);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial int SysCall(nint number, int directory, byte[] name, ulong* how, nuint size);

    /// <summary>
    /// <c>openat2</c> (Linux 5.6+; glibc has no wrapper): opens <paramref name="name"/> below <paramref name="directory"/>
    /// with <paramref name="resolve"/> rules the kernel applies at every step of the lookup.
    /// </summary>
    public static int OpenAt2(int directory, byte[] name, int flags, int resolve)
    {
        // struct open_how { u64 flags; u64 mode; u64 resolve; }
        var how = stackalloc ulong[3];
        how[0] = (ulong)flags;
        how[1] = 0;
        how[2] = (ulong)resolve;
        return SysCall(SysOpenAt2, directory, name, how, 24);
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="text"/>, as libc takes names.</summary>
    public static byte[] Utf8Z(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(text) + 1];
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>The NUL-terminated name of a <c>struct dirent</c> (glibc, 64-bit: d_name at offset 19).</summary>
    public static byte[] DirentName(nint entry)
    {
        var name = (byte*)entry + 19;
        var length = 0;
        while (name[length] != 0)
        {
            length++;
        }

        var copy = new byte[length + 1];
        new ReadOnlySpan<byte>(name, length).CopyTo(copy);
        return copy;
    }

    /// <summary>The path with every symbolic link resolved, or null when it does not exist.</summary>
    public static string? ResolveRealPath(string path)
    {
        var resolved = RealPath(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }
}
