using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// Runs a composite action's steps the way the Actions runner does: the runner's folder layout
/// (<c>_work/_temp</c>, the action under <c>_work/_actions/OWNER/NAME/REF</c> as GITHUB_ACTION_PATH,
/// the checkout under <c>_work/REPO/REPO</c> as GITHUB_WORKSPACE and default working directory),
/// each <c>run:</c> written to a script in the temp folder and started through the step's shell, the
/// job's environment plus the step's evaluated <c>env:</c>, and GITHUB_OUTPUT, GITHUB_ENV and
/// GITHUB_PATH files read back after every step.
/// </summary>
internal sealed class RunnerSimulation : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(120);
    private readonly Dictionary<string, string> _jobEnv;
    private readonly List<string> _pathEntries = [];
    private int _stepNumber;

    public RunnerSimulation(IReadOnlyDictionary<string, string>? extraJobEnv = null)
    {
        Root = Directory.CreateTempSubdirectory("coursebot-runner-").FullName;
        // The runner's own folders are not world-writable; the record folder is, for whatever runs in the test.
        File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        Temp = Directory.CreateDirectory(Path.Combine(Root, "_work", "_temp")).FullName;
        var actions = Path.Combine(Root, "_work", "_actions");
        ActionPath = Directory.CreateDirectory(Path.Combine(actions, "course-org", "coursebot-grader", new string('a', 40))).FullName;
        Workspace = Directory.CreateDirectory(Path.Combine(Root, "_work", "celery-learner", "celery-learner")).FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        Record = Directory.CreateDirectory(Path.Combine(Root, "record")).FullName;
        File.SetUnixFileMode(Record, (UnixFileMode)0b111_111_111);
        _jobEnv = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = Home,
            ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = Workspace,
            ["GITHUB_REPOSITORY"] = "course-org/celery-learner",
            ["GITHUB_SHA"] = new string('b', 40),
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_TOKEN"] = "ghs_job_token_the_learner_must_not_see",
            ["RUNNER_TEMP"] = Temp,
            ["RUNNER_ARCH"] = Arch,
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "http://127.0.0.1:9/oidc-request-url-the-learner-must-not-see",
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "oidc-request-token-the-learner-must-not-see",
            ["ACTIONS_RUNTIME_TOKEN"] = "runtime-token-the-learner-must-not-see",
            ["COURSEBOT_TEST_RECORD"] = Record,
        };
        foreach (var (name, value) in extraJobEnv ?? new Dictionary<string, string>())
        {
            _jobEnv[name] = value;
        }
    }

    /// <summary>The runner's architecture name, as <c>runner.arch</c> gives it.</summary>
    public static string Arch => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "ARM64" : "X64";

    public string Root { get; }

    public string Temp { get; }

    public string ActionPath { get; }

    public string Workspace { get; }

    public string Home { get; }

    /// <summary>A world-writable folder where test programs (fake grader, planted executables) leave records.</summary>
    public string Record { get; }

    public IReadOnlyDictionary<string, string> JobEnv => _jobEnv;

    /// <summary>
    /// The job runs in a container (grade.yml's <c>container: debian:12</c>): steps run as root, and the
    /// path contexts name folders that do not exist where the steps run.
    /// </summary>
    public bool ContainerJob { get; set; }

    /// <summary>When set, steps run as this user and group (the hosted runner's account) instead of the test's own.</summary>
    public (int Uid, int Gid)? RunAs { get; private set; }

    /// <summary>Runs the following steps as this account, which then owns the runner's folders (as <c>runner</c> does).</summary>
    public void RunStepsAs(int uid, int gid)
    {
        RunAs = (uid, gid);
        Chown(uid, gid, "-R", Root);
    }

    /// <summary>Runs <c>action.yml</c> in <see cref="ActionPath"/> with these <c>with:</c> values; stops at the first failure.</summary>
    public ActionRun RunAction(IReadOnlyDictionary<string, string> with)
    {
        var action = WorkflowDocument.Load(Path.Combine(ActionPath, "action.yml"));
        // In a job container the path contexts keep naming the host's folders (actions/runner#2185);
        // only the variables (RUNNER_TEMP, GITHUB_WORKSPACE, ...) are the container's.
        var hostFolders = ContainerJob ? "/home/runner/work" : Path.Combine(Root, "_work");
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["runner.temp"] = hostFolders + "/_temp",
            ["runner.arch"] = Arch,
            ["github.workspace"] = hostFolders + "/celery-learner/celery-learner",
            ["github.action_path"] = hostFolders + ActionPath[(Root.Length + "/_work".Length)..],
        };
        foreach (var (name, value) in action.InputDefaults())
        {
            context["inputs." + name] = with.TryGetValue(name, out var given) ? given : value;
        }

        var log = new System.Text.StringBuilder();
        foreach (var step in action.CompositeSteps())
        {
            var (exit, output, outputs) = RunStep(step, context);
            log.Append(output);
            foreach (var (name, value) in outputs)
            {
                context[$"steps.{step.Id}.outputs.{name}"] = value;
            }

            if (exit != 0)
            {
                return new ActionRun(exit, step.Label, log.ToString(), new Dictionary<string, string>());
            }
        }

        var actionOutputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (action.Root.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("outputs"), out var node)
            && node is YamlDotNet.RepresentationModel.YamlMappingNode declared)
        {
            foreach (var (name, value) in declared.Children)
            {
                var expression = WorkflowDocument.Text((YamlDotNet.RepresentationModel.YamlMappingNode)value, "value") ?? "";
                actionOutputs[name.ToString()] = StepExpressions.Evaluate(expression, context);
            }
        }

        return new ActionRun(0, null, log.ToString(), actionOutputs);
    }

    /// <summary>Adds a folder in front of PATH for the following steps, as a GITHUB_PATH line would.</summary>
    public void AddPath(string folder) => _pathEntries.Insert(0, folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test that planted unusual links or modes may leave a folder behind in /tmp; nothing depends on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private (int Exit, string Output, IReadOnlyDictionary<string, string> Outputs) RunStep(
        WorkflowStep step, Dictionary<string, string> context)
    {
        if (step.Run is null)
        {
            throw new InvalidOperationException($"step '{step.Label}': the harness runs only run: steps in composite actions");
        }

        _stepNumber++;
        var files = Directory.CreateDirectory(Path.Combine(Temp, "_runner_file_commands")).FullName;
        string FileCommand(string kind) => Path.Combine(files, $"{kind}_{_stepNumber}");
        var env = new Dictionary<string, string>(_jobEnv, StringComparer.Ordinal);
        foreach (var (name, value) in _jobEnv)
        {
            context["env." + name] = value;
        }

        if (_pathEntries.Count > 0)
        {
            env["PATH"] = string.Join(':', _pathEntries) + ":" + env["PATH"];
        }

        env["GITHUB_ACTION_PATH"] = ActionPath;
        env["GITHUB_OUTPUT"] = FileCommand("set_output");
        env["GITHUB_ENV"] = FileCommand("set_env");
        env["GITHUB_PATH"] = FileCommand("add_path");
        env["GITHUB_STEP_SUMMARY"] = FileCommand("step_summary");
        foreach (var name in new[] { "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY" })
        {
            File.WriteAllText(env[name], "");
        }

        foreach (var (name, value) in step.Env)
        {
            env[name] = StepExpressions.Evaluate(value, context);
        }

        var workingDirectory = step.WorkingDirectory is { } folder
            ? Path.Combine(Workspace, StepExpressions.Evaluate(folder, context))
            : Workspace;
        var script = Path.Combine(Temp, Guid.NewGuid().ToString("D") + ".sh");
        File.WriteAllText(script, step.Run);
        var (program, arguments) = ShellCommand.Resolve(step.Shell, script, env["PATH"]);
        if (RunAs is { } account)
        {
            Chown(account.Uid, account.Gid, [files, script, .. Directory.GetFiles(files)]);

            arguments = [$"--reuid={account.Uid}", $"--regid={account.Gid}", "--init-groups", "--", program, .. arguments];
            program = "/usr/bin/setpriv";
        }

        var (exit, output) = Start(program, arguments, workingDirectory, env);
        foreach (var (name, value) in FileCommands.Read(env["GITHUB_ENV"]))
        {
            _jobEnv[name] = value;
        }

        foreach (var line in File.ReadAllLines(env["GITHUB_PATH"]).Where(l => l.Length > 0))
        {
            AddPath(line);
        }

        return (exit, $"--- {step.Label} (exit {exit})\n{output}", FileCommands.Read(env["GITHUB_OUTPUT"]));
    }

    /// <summary>chown without following links (-h; -R does not descend through them either).</summary>
    private static void Chown(int uid, int gid, params string[] paths)
    {
        var env = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" };
        var (exit, output) = Start("/bin/chown", ["-h", $"{uid}:{gid}", .. paths], "/", env);
        if (exit != 0)
        {
            throw new IOException("chown failed: " + output);
        }
    }

    private static (int Exit, string Output) Start(
        string program, IReadOnlyList<string> arguments, string workingDirectory, Dictionary<string, string> env)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} ran longer than {StepTimeout}");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }
}
