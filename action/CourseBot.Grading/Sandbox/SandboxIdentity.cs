using System.Globalization;

namespace CourseBot.Grading.Sandbox;

/// <summary>
/// Who learner code runs as. As root (CI, GitHub-hosted runners with sudo) it is an unprivileged
/// user the grader creates; otherwise (a local <c>coursebot grade</c>) it is the current user, and
/// the summary says that the user switch did not happen.
/// </summary>
public sealed record SandboxIdentity(string UserName, int Uid, int Gid, string Home, bool Switched)
{
    public const string LearnerUser = "coursebot-learner";

    public static bool IsRoot => OperatingSystem.IsLinux() && NativeMethods.GetEffectiveUserId() == 0;

    /// <summary>Creates (once) and returns the learner user when running as root; otherwise the current user, unswitched.</summary>
    public static async Task<SandboxIdentity> AcquireAsync(string userName, CancellationToken cancel)
    {
        if (!IsRoot)
        {
            return new SandboxIdentity(Environment.UserName, -1, -1, Path.GetTempPath(), Switched: false);
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, "^[a-z][a-z0-9-]{0,30}$"))
        {
            throw new ArgumentException($"'{userName}' is not a valid user name for the learner", nameof(userName));
        }

        var home = Path.Combine("/var/tmp", userName);
        if (FindUser(userName) is null)
        {
            // No login shell, no password; a home of its own for pip and Celery state.
            await Processes.RunToEndAsync("useradd", ["--system", "--user-group", "--home-dir", home, "--shell", "/usr/sbin/nologin", userName], cancel).ConfigureAwait(false);
        }

        var (uid, gid) = FindUser(userName) ?? throw new InvalidOperationException($"could not create the user {userName}");
        Directory.CreateDirectory(home);
        await Processes.RunToEndAsync("chown", [$"{uid}:{gid}", home], cancel).ConfigureAwait(false);
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new SandboxIdentity(userName, uid, gid, home, Switched: true);
    }

    private static (int Uid, int Gid)? FindUser(string name)
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == name)
            {
                return (int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
            }
        }

        return null;
    }
}
