using System.Diagnostics;
using System.Globalization;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// The hosted runner's account, re-created for a test: an unprivileged user with passwordless sudo
/// (as GitHub's <c>runner</c> has). Worktrees share the machine's users, so the user exists only while
/// this object holds a machine-wide lock, and is removed with its sudoers entry on disposal.
/// </summary>
internal sealed class RunnerUser : IDisposable
{
    public const string Name = "coursebot-runner";
    private const string SudoersFile = "/etc/sudoers.d/coursebot-runner-test";
    private readonly FileStream _lock;

    public RunnerUser()
    {
        _lock = AcquireLock();
        Run("/usr/sbin/useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Name);
        File.WriteAllText(SudoersFile, $"{Name} ALL=(ALL) NOPASSWD:ALL\n");
        File.SetUnixFileMode(SudoersFile, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        Uid = int.Parse(Run("/usr/bin/id", "-u", Name), CultureInfo.InvariantCulture);
        Gid = int.Parse(Run("/usr/bin/id", "-g", Name), CultureInfo.InvariantCulture);
    }

    public int Uid { get; }

    public int Gid { get; }

    public static bool Possible => Environment.UserName == "root" && File.Exists("/usr/bin/sudo") && Directory.Exists("/etc/sudoers.d");

    public void Dispose()
    {
        File.Delete(SudoersFile);
        Run("/usr/sbin/userdel", Name);
        _lock.Dispose();
    }

    private static FileStream AcquireLock()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream("/tmp/coursebot-runner-user.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        // useradd: 9 = the user exists already (left by a test that was killed).
        if (process.ExitCode != 0 && !(program.EndsWith("useradd", StringComparison.Ordinal) && process.ExitCode == 9))
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {error}");
        }

        return output.Trim();
    }
}
