using System.Diagnostics;
using System.Globalization;

namespace CourseBot.Grading.Sandbox;

/// <summary>
/// Kills every process of a sandbox, including those that forked away, left their process group
/// or daemonized.
/// <para>
/// Switched (root runs): a short-lived process of the lab's own user calls <c>kill(-1, SIGKILL)</c>.
/// The kernel delivers that signal to every process the user may signal while it holds the task list
/// lock, which <c>fork</c> also needs, and a fork whose parent has a fatal signal pending is undone: so
/// no fork-and-exit chain outruns it, unlike a scan of <c>/proc</c>. The user exists for this lab only,
/// so nobody else's process is hit. It needs no privilege beyond switching users (no cgroup, no
/// namespace), so it works on GitHub-hosted VMs and in a job <c>container:</c> alike. A scan of
/// <c>/proc</c> then only confirms that nothing is left.
/// </para>
/// <para>
/// Unswitched (local practice runs, not root): learner code runs as the grader's own user, so that
/// kill would hit the grader; instead, every process of ours whose environment carries the sandbox's
/// token is killed in rounds of <c>/proc</c> scans, which a determined fork chain can outrun. The
/// summary already says such a run is not isolated.
/// </para>
/// </summary>
internal static class ProcessReaper
{
    private const int Rounds = 100;

    /// <summary>Kills them all; returns how many were running. Throws <see cref="SandboxException"/> when some would not die.</summary>
    public static int KillAll(SandboxIdentity identity, string token)
    {
        var running = Find(identity, token).Count();
        for (var round = 0; round < Rounds; round++)
        {
            if (identity.Switched)
            {
                SignalEveryProcessAs(identity);
            }
            else
            {
                foreach (var pid in Find(identity, token))
                {
                    NativeMethods.Kill(pid, NativeMethods.SigKill);
                }
            }

            // A killed process may take a moment to leave (closing files, a stuck disk read).
            if (!Find(identity, token).Any())
            {
                return running;
            }

            Thread.Sleep(round < 10 ? 1 : 10);
        }

        if (identity.Switched)
        {
            throw new SandboxException($"the processes of {identity.UserName} could not be stopped");
        }

        return running;
    }

    /// <summary>Every live (not zombie) process of the sandbox.</summary>
    public static IEnumerable<int> Find(SandboxIdentity identity, string token)
    {
        var self = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == self)
            {
                continue;
            }

            if (identity.Switched ? OwnedBy(dir, identity.Uid) : CarriesToken(dir, token))
            {
                yield return pid;
            }
        }
    }

    /// <summary><c>setpriv</c> to the learner, then the shell's <c>kill -9 -1</c>, which is <c>kill(-1, SIGKILL)</c>.</summary>
    private static void SignalEveryProcessAs(SandboxIdentity identity)
    {
        var info = new ProcessStartInfo("setpriv")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"--reuid={identity.Uid}"),
            string.Create(CultureInfo.InvariantCulture, $"--regid={identity.Gid}"),
            "--clear-groups", "--no-new-privs", "--", "/bin/sh", "-c", "kill -9 -1 2>/dev/null; exit 0",
        })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
        using var killer = Process.Start(info) ?? throw new SandboxException("could not start setpriv");
        // The killer is the learner's own process for a moment, so a learner process could stop it
        // (ptrace, SIGSTOP): then it is killed as root and the next round starts a new one.
        if (!killer.WaitForExit(TimeSpan.FromSeconds(2)))
        {
            killer.Kill();
            killer.WaitForExit();
        }
    }

    private static bool OwnedBy(string procDir, int uid)
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(procDir, "status")))
            {
                if (line.StartsWith("State:\tZ", StringComparison.Ordinal) || line.StartsWith("State:\tX", StringComparison.Ordinal))
                {
                    return false; // a zombie holds nothing; its parent (or init) reaps it
                }

                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    var ids = line[4..].Split('\t', StringSplitOptions.RemoveEmptyEntries);
                    return ids.Take(3).Any(id => id == uid.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return false;
    }

    private static bool CarriesToken(string procDir, string token)
    {
        try
        {
            var environ = File.ReadAllBytes(Path.Combine(procDir, "environ"));
            return System.Text.Encoding.ASCII.GetString(environ).Contains(token, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
