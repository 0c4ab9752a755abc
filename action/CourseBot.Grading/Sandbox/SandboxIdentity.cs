using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CourseBot.Grading.Sandbox;

/// <summary>
/// Who learner code runs as. As root (CI, GitHub-hosted runners with sudo) it is a user made for one
/// lab and deleted after it: a random name and a random user and group id far above any
/// distribution's range, so nothing a previous lab's code left behind (a process, a file, a link)
/// belongs to, or can be reached by, the next lab's user. Otherwise (a local <c>coursebot grade</c>) it
/// is the current user, and the summary says that the user switch did not happen.
/// </summary>
public sealed partial record SandboxIdentity(string UserName, int Uid, int Gid, string Home, bool Switched)
{
    /// <summary>The default prefix of the per-lab users' names (<c>coursebot-learner-1a2b3c4d</c>).</summary>
    public const string LearnerUser = "coursebot-learner";

    /// <summary>Per-lab user and group ids are drawn from [<see cref="FirstLabUid"/>, + <see cref="LabUidCount"/>).</summary>
    public const int FirstLabUid = 1_000_000_000;

    public const int LabUidCount = 1_000_000_000;

    public static bool IsRoot => OperatingSystem.IsLinux() && NativeMethods.GetEffectiveUserId() == 0;

    /// <summary>Learner code runs as the grader's own user (not root): nothing to create or delete.</summary>
    public static SandboxIdentity Unswitched(string home) => new(Environment.UserName, -1, -1, home, Switched: false);

    /// <summary>
    /// Creates a fresh user, with a group of the same id, named <paramref name="prefix"/>-random, whose
    /// home is <paramref name="home"/> (not created here).
    /// </summary>
    public static async Task<SandboxIdentity> CreateAsync(string prefix, string home, CancellationToken cancel)
    {
        if (!PrefixPattern().IsMatch(prefix))
        {
            throw new ArgumentException(
                $"'{prefix}' is not a valid prefix for the learner's user name (a-z, 0-9, '-', at most 23)", nameof(prefix));
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var id = FirstLabUid + RandomNumberGenerator.GetInt32(LabUidCount);
            var name = prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            if (Taken("/etc/passwd", id, name) || Taken("/etc/group", id, name))
            {
                continue;
            }

            var idText = id.ToString(CultureInfo.InvariantCulture);
            await AccountToolAsync("groupadd", ["--system", "--gid", idText, name], cancel).ConfigureAwait(false);
            // No login shell, no password, no lastlog entry (a sparse file sized by the uid), no home made from /etc/skel.
            await AccountToolAsync("useradd", ["--system", "--no-log-init", "--no-create-home", "--uid", idText, "--gid", idText,
                "--home-dir", home, "--shell", "/usr/sbin/nologin", name], cancel).ConfigureAwait(false);
            return new SandboxIdentity(name, id, id, home, Switched: true);
        }

        throw new SandboxException("could not find a free user id for the learner");
    }

    /// <summary>Deletes the lab's user and group; call once none of its processes is left.</summary>
    public async Task DeleteAsync(CancellationToken cancel)
    {
        if (Switched)
        {
            await AccountToolAsync("userdel", [UserName], cancel).ConfigureAwait(false);
            if (Taken("/etc/group", Gid, UserName))
            {
                await AccountToolAsync("groupdel", [UserName], cancel).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs useradd and friends, waiting a little when another grader holds the account files' lock.</summary>
    private static async Task AccountToolAsync(string tool, string[] args, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (exit, output) = await Processes.RunToEndAsync(tool, args, cancel, throwOnFailure: false).ConfigureAwait(false);
            if (exit == 0)
            {
                return;
            }

            if (attempt == 10 || !output.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                throw new SandboxException($"{tool} {string.Join(' ', args)} failed ({exit}): {output.Trim()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancel).ConfigureAwait(false);
        }
    }

    private static bool Taken(string accounts, int id, string name)
    {
        var idText = id.ToString(CultureInfo.InvariantCulture);
        return File.ReadLines(accounts).Select(l => l.Split(':')).Any(f => f.Length >= 3 && (f[0] == name || f[2] == idText));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,22}$")]
    private static partial Regex PrefixPattern();
}
