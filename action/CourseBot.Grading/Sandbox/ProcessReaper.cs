using System.Globalization;

namespace CourseBot.Grading.Sandbox;

/// <summary>
/// Finds and kills every process that belongs to a sandbox, including those that left their
/// process group or daemonized. Switched: every process whose real or effective uid is the learner's.
/// Unswitched (local runs): every process of ours whose environment carries the sandbox's token.
/// </summary>
internal static class ProcessReaper
{
    public static int KillAll(SandboxIdentity identity, string token)
    {
        var killed = 0;
        // Loop until a scan finds nothing: a process may fork while we kill its parent.
        for (var round = 0; round < 100; round++)
        {
            var found = Find(identity, token).ToList();
            if (found.Count == 0)
            {
                return killed;
            }

            foreach (var pid in found)
            {
                if (NativeMethods.Kill(pid, NativeMethods.SigKill) == 0)
                {
                    killed++;
                }
            }

            Thread.Sleep(round < 10 ? 1 : 10);
        }

        return killed;
    }

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

    private static bool OwnedBy(string procDir, int uid)
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(procDir, "status")))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    var ids = line[4..].Split('\t', StringSplitOptions.RemoveEmptyEntries);
                    return ids.Take(3).Any(id => id == uid.ToString(CultureInfo.InvariantCulture));
                }

                if (line.StartsWith("State:\tZ", StringComparison.Ordinal))
                {
                    return false; // a zombie holds nothing; its parent reaps it
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
