using System.Diagnostics;
using System.Globalization;

namespace CourseBot.Grading.Sandbox;

/// <summary>
/// Runs learner-controlled commands as the learner user, in a private copy of the workspace, with a
/// minimal environment and resource limits, and kills every process of that user after each run.
/// Output goes to files the grader owns (never pipes a learner process could hold open), so waiting
/// for a command never blocks on a daemon it left behind.
/// </summary>
public sealed class LearnerSandbox : IAsyncDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly SandboxOptions _options;
    private readonly string _token = "cb" + Guid.NewGuid().ToString("N");
    private readonly List<string> _notes = [];
    private readonly List<string[]> _firewallRules = [];
    private int _runs;

    private LearnerSandbox(string root, SandboxIdentity identity, SandboxOptions options)
    {
        Root = root;
        Identity = identity;
        _options = options;
    }

    public SandboxIdentity Identity { get; }

    /// <summary>The sandbox folder: <c>work/</c> (the learner's copy), <c>hidden/</c>, <c>results/</c>, <c>runs/</c> (grader
    /// only).</summary>
    public string Root { get; }

    public string WorkRoot => Path.Combine(Root, "work");

    public string HiddenRoot => Path.Combine(Root, "hidden");

    public string ResultsRoot => Path.Combine(Root, "results");

    /// <summary>What the learner should know about how isolated the run was (e.g. no user switch).</summary>
    public IReadOnlyList<string> Notes => _notes;

    public static async Task<LearnerSandbox> CreateAsync(string workspace, SandboxOptions options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!SandboxIdentity.IsRoot)
        {
            return CreateUnswitched(workspace, options);
        }

        var root = SandboxFolders.CreateRoot(options.SandboxParent);
        SandboxIdentity? identity = null;
        try
        {
            identity = await SandboxIdentity.CreateAsync(options.LearnerUser, Path.Combine(root, "home"), cancel).ConfigureAwait(false);
            var sandbox = new LearnerSandbox(root, identity, options);
            using (var folder = DirectoryHandle.Open(root, requireRootOwned: true))
            {
                foreach (var name in new[] { "hidden", "results", "runs", "work" })
                {
                    folder.CreateChild(name, OwnerOnly, 0, 0).Dispose();
                }

                foreach (var name in new[] { "home", "tmp" })
                {
                    folder.CreateChild(name, OwnerOnly, identity.Uid, identity.Gid).Dispose();
                }

                // The user is new and has no process yet: nothing can change the copy while root makes it.
                CopyTree(workspace, sandbox.WorkRoot);
                using var work = folder.OpenChild(NativeMethods.Utf8Z("work"));
                work.ChangeOwnerOfTree(identity.Uid, identity.Gid);
            }

            if (options.RestrictNetwork)
            {
                await sandbox.RestrictNetworkAsync(cancel).ConfigureAwait(false);
            }
            else
            {
                sandbox._notes.Add("Network access was not restricted (disabled in the grader's options).");
            }

            return sandbox;
        }
        catch
        {
            SandboxFolders.Remove(root);
            if (identity is not null)
            {
                await identity.DeleteAsync(CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>A local run as the grader's own user: a private folder in the temp folder, no user switch.</summary>
    private static LearnerSandbox CreateUnswitched(string workspace, SandboxOptions options)
    {
        var root = Path.Combine(Path.GetTempPath(), "coursebot-grade-" + Guid.NewGuid().ToString("N")[..12]);
        var sandbox = new LearnerSandbox(root, SandboxIdentity.Unswitched(Path.Combine(root, "home")), options);
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, OwnerOnly);
        foreach (var folder in new[] { "hidden", "results", "runs", "home", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        CopyTree(workspace, sandbox.WorkRoot);
        sandbox._notes.Add($"Learner code ran as your own user ({sandbox.Identity.UserName}), not a separate one: " +
            "the grader was not started as root. " +
            "Its processes were stopped by scanning for them, which a fast fork chain can outrun. " +
            "Results are for practice; only the course's grading workflow records grades.");
        return sandbox;
    }

    /// <summary>Runs <paramref name="command"/> with <c>/bin/sh -c</c> as the learner and waits at most <paramref
    /// name="timeout"/>.</summary>
    public async Task<SandboxRun> RunAsync(
        string command,
        string workingDirectory,
        string? stdin,
        TimeSpan timeout,
        CancellationToken cancel,
        IReadOnlyDictionary<string, string>? environment = null
    )
    {
        var (process, stdoutPath, stderrPath) = Start(command, workingDirectory, stdin, environment);
        var started = _options.Time.GetTimestamp();
        var timedOut = false;
        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                timedOut = true;
            }

            var duration = _options.Time.GetElapsedTime(started);
            var leftovers = KillAll();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return new SandboxRun(
                timedOut ? null : process.ExitCode,
                timedOut,
                CapturedOutput.Read(stdoutPath, _options.OutputCapBytes),
                CapturedOutput.Read(stderrPath, _options.OutputCapBytes),
                duration,
                leftovers);
        }
    }

    /// <summary>Starts a long-running learner process (a Celery worker) whose output goes to a file; stop it with <see
    /// cref="KillAll"/>.</summary>
    public BackgroundProcess StartBackground(
        string command,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null
    )
    {
        var (process, stdoutPath, stderrPath) = Start(command, workingDirectory, null, environment);
        return new BackgroundProcess(process, stdoutPath, stderrPath, _options.OutputCapBytes);
    }

    /// <summary>Kills every process of the learner user (or, unswitched, of this sandbox); returns how many.</summary>
    public int KillAll() => ProcessReaper.KillAll(Identity, _token);

    /// <summary>The environment every learner process starts from: nothing of the runner's (no GITHUB_*, ACTIONS_*, tokens).</summary>
    public IReadOnlyDictionary<string, string> BaseEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = Identity.Home,
        ["TMPDIR"] = Path.Combine(Root, "tmp"),
        ["LANG"] = "C.UTF-8",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["PYTHONUNBUFFERED"] = "1",
        ["COURSEBOT_SANDBOX"] = _token,
    };

    /// <summary>
    /// Ends the lab: kills every learner process, removes the learner user's files from the shared
    /// folders and the sandbox folder (following no link), and deletes the lab's user, so the next lab
    /// starts from nothing this one's code left behind. Throws <see cref="SandboxException"/> when a
    /// process would not die: then nothing is deleted and grading must stop.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        KillAll();
        foreach (var rule in _firewallRules)
        {
            await Processes
                .RunToEndAsync(rule[0], ["-D", .. rule[1..]], CancellationToken.None, throwOnFailure: false)
                .ConfigureAwait(false);
        }

        if (Identity.Switched)
        {
            // What cannot be removed (a busy mount point) belongs to a user id no later lab gets.
            LearnerLeftovers.Remove(Identity.Uid, _options.SharedFolders);
            SandboxFolders.Remove(Root);
            await Identity.DeleteAsync(CancellationToken.None).ConfigureAwait(false);
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the OS temp cleaner removes it later.
        }
    }

    private (Process Process, string Stdout, string Stderr) Start(
        string command,
        string workingDirectory,
        string? stdin,
        IReadOnlyDictionary<string, string>? environment
    )
    {
        var run = Path.Combine(Root, "runs", Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(run);
        var (input, stdout, stderr) = (Path.Combine(run, "stdin"), Path.Combine(run, "stdout"), Path.Combine(run, "stderr"));
        File.WriteAllText(input, stdin ?? "");
        File.WriteAllText(stdout, "");
        File.WriteAllText(stderr, "");

        // sh (as the grader) opens the files, then execs: prlimit -> setpriv (drops to the learner) -> sh -c command.
        // Root starts in the sandbox root (its own folder); the learner's shell changes to the learner's
        // folder, so root never resolves a path through a folder the learner can change.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = Root };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("i=$1; o=$2; e=$3; shift 3; exec \"$@\" <\"$i\" >\"$o\" 2>\"$e\"");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(input);
        info.ArgumentList.Add(stdout);
        info.ArgumentList.Add(stderr);
        foreach (var arg in LauncherArguments())
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add("/bin/sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("cd -- \"$1\" || exit 126; exec /bin/sh -c \"$2\"");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(workingDirectory);
        info.ArgumentList.Add(command);

        info.Environment.Clear();
        foreach (var (key, value) in BaseEnvironment.Concat(environment ?? new Dictionary<string, string>()))
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start /bin/sh");
        return (process, stdout, stderr);
    }

    private IEnumerable<string> LauncherArguments()
    {
        yield return "prlimit";
        if (Identity.Switched)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--nproc={_options.MaxProcesses}");
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"--as={_options.MaxAddressSpaceBytes}");
        yield return string.Create(CultureInfo.InvariantCulture, $"--fsize={_options.MaxFileBytes}");
        yield return string.Create(CultureInfo.InvariantCulture, $"--nofile={_options.MaxOpenFiles}");
        yield return "--core=0";
        yield return "--";
        if (Identity.Switched)
        {
            yield return "setpriv";
            yield return string.Create(CultureInfo.InvariantCulture, $"--reuid={Identity.Uid}");
            yield return string.Create(CultureInfo.InvariantCulture, $"--regid={Identity.Gid}");
            yield return "--clear-groups";
            yield return "--no-new-privs";
            yield return "--";
        }
    }

    private async Task RestrictNetworkAsync(CancellationToken cancel)
    {
        foreach (var tool in new[] { "iptables", "ip6tables" })
        {
            string[] rule =
            [
                tool,
                "OUTPUT",
                "-m",
                "owner",
                "--uid-owner",
                Identity.Uid.ToString(CultureInfo.InvariantCulture),
                "!",
                "-o",
                "lo",
                "-j",
                "REJECT",
            ];
            try
            {
                var (exit, output) = await Processes
                    .RunToEndAsync(tool, ["-I", .. rule[1..]], cancel, throwOnFailure: false)
                    .ConfigureAwait(false);
                if (exit == 0)
                {
                    _firewallRules.Add(rule);
                }
                else
                {
                    _notes.Add($"Network access could not be limited to loopback ({tool}: {output.Trim()}).");
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                _notes.Add($"Network access could not be limited to loopback ({tool} is not installed).");
            }
        }
    }

    /// <summary>
    /// Copies a tree without following symbolic links: a link is copied as a link, so a learner's
    /// <c>notes.txt -&gt; /etc/shadow</c> stays a link the learner user cannot read through, instead of
    /// becoming a copy the grader (root) read for them.
    /// </summary>
    internal static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo dir)
            {
                if (dir.Name != ".git")
                {
                    CopyTree(dir.FullName, target);
                }
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }

    /// <summary>
    /// Opens a regular file of the learner's work copy for reading, race-free: no link leads out of the
    /// work folder even if a learner process swaps one in while root opens it. Null when missing or outside.
    /// </summary>
    public FileStream? OpenInsideWork(string relativePath)
    {
        using var work = DirectoryHandle.Open(WorkRoot, requireRootOwned: false);
        return work.OpenFileBeneath(relativePath) is { } file ? new FileStream(file, FileAccess.Read) : null;
    }

    /// <summary>Resolves <paramref name="relativePath"/> under <paramref name="folder"/>; null when missing or when links lead outside
    /// it.</summary>
    public static string? ResolveInside(string folder, string relativePath)
    {
        var real = NativeMethods.ResolveRealPath(Path.Combine(folder, relativePath));
        var folderReal = NativeMethods.ResolveRealPath(folder);
        return real is not null && folderReal is not null && real.StartsWith(folderReal + "/", StringComparison.Ordinal) ? real : null;
    }

    /// <summary>Hands a folder the grader prepared to the learner user (white-box tests run there); links in it are not followed.</summary>
    public Task GiveToLearnerAsync(string folder, CancellationToken cancel)
    {
        if (Identity.Switched)
        {
            using var handle = DirectoryHandle.Open(folder, requireRootOwned: false);
            handle.ChangeOwnerOfTree(Identity.Uid, Identity.Gid);
        }

        return Task.CompletedTask;
    }
}
