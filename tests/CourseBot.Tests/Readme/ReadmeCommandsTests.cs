using System.Diagnostics;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Readme;

/// <summary>
/// Every command the README shows works as typed, through the <c>./coursebot</c> wrapper (which builds the CLI when
/// sources changed and runs it in the caller's folder): the read-only ones from the repository root, and all of them
/// from another folder laid out like a checkout (its own data folder and roster, so nothing lands in the developer's
/// <c>.coursebot/</c>). <c>./test</c> is the suite itself and is run by <c>.ci/run</c>. In the grading collection,
/// because <c>lab prove</c> and <c>grade</c> run learner code as the shared learner user.
/// </summary>
[Collection(GradingTestGroup.Name)]
public sealed class ReadmeCommandsTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    /// <summary>What each README command must print (besides its exit status), by the command's start.</summary>
    private static readonly (string Start, string Expected)[] Expectations =
    [
        ("./coursebot curriculum validate", "Valid: no problems found."),
        ("./coursebot curriculum show 13", "Module 13: Advanced Canvas Patterns"),
        ("./coursebot curriculum show", "canvas-patterns"),
        ("sudo ./coursebot lab prove", "PROVEN: 1 lab(s)"),
        ("./coursebot grade", "NOT PASSED"),
        ("./coursebot enroll", "2 learners read, 2 queued"),
        ("./coursebot regrade", "0 learners read, 0 queued"),
        ("./coursebot events failed", "No failed deliveries."),
        // The roster above is queued, not yet enrolled (no bot runs here): the report is its CSV header, and says so.
        ("./coursebot cohort report", "login,repository,cohort,path,pace,start,current_module"),
        ("./coursebot course publish", "Dry run: nothing is written."),
        // Without the App's credentials (none here: publish used an owner's token) doctor says how to give them.
        ("./coursebot doctor", "the App is not configured"),
    ];

    private static readonly string[] SideEffects =
    [
        "./coursebot serve",
        "./coursebot enroll",
        "./coursebot regrade",
        "./coursebot events",
        "./coursebot course publish",
        "./coursebot doctor",
    ];

    [Fact]
    public void Readme_ShowsTheTwoSetUpCommandsFirst()
    {
        var commands = ReadmeCommand.Read(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.Equal(["./coursebot serve", "./test"], commands.Take(2).Select(c => c.Text));
        Assert.All(commands.Skip(2), c => Assert.True(c.Text == "./test" || Expectation(c) is not null || c.Text == "./coursebot serve",
            $"the README shows '{c.Text}', which this test does not know how to check: add its expected output"));
    }

    [Fact]
    public async Task ReadOnlyCommands_FromTheRepositoryRoot_WorkAsTyped()
    {
        foreach (var command in Commands().Where(c => !SideEffects.Any(s => c.Text.StartsWith(s, StringComparison.Ordinal))))
        {
            await RunAsync(command, RepositoryPaths.Root);
        }
    }

    [Fact]
    public async Task EveryCommand_FromAnotherFolder_WorksAsTyped()
    {
        var folder = Directory.CreateTempSubdirectory("coursebot-readme-");
        try
        {
            foreach (var linked in new[] { "coursebot", "curriculum", "templates", "action", ".github" })
            {
                File.CreateSymbolicLink(Path.Combine(folder.FullName, linked), Path.Combine(RepositoryPaths.Root, linked));
            }

            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "roster.csv"), "github_username,name\nada-l,Ada\ngrace-h,Grace\n");
            // What an admin has at hand for `course publish`: the release's checksum files, and a token of an owner
            // of the organisation (here ORG on the emulator, reached the way any GitHub host is configured).
            foreach (var arch in new[] { "x64", "arm64" })
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"coursebot-grader-linux-{arch}.sha256"),
                    $"{new string('a', 64)}  coursebot-grader-linux-{arch}\n");
            }

            await using var github = await GitHubEmulator.GitHubEmulator.StartAsync(new EmulatorOptions());
            var token = "ghp_readme" + Guid.NewGuid().ToString("N");
            github.State.Tokens[token] = (github.AddInstallation("ORG"), github.Time.GetUtcNow().AddHours(1));
            var environment = new Dictionary<string, string>
            {
                ["GITHUB_TOKEN"] = token,
                ["CourseBot__GitHub__ApiBaseUrl"] = github.ApiBaseUrl.ToString(),
            };
            foreach (var command in Commands())
            {
                if (command.Text == "./coursebot serve")
                {
                    await ServeAnswersAsync(folder.FullName);
                }
                else
                {
                    await RunAsync(command, folder.FullName, environment);
                }
            }

            Assert.Empty(github.State.Repos);

            Assert.True(
                File.Exists(Path.Combine(folder.FullName, ".coursebot", "coursebot.db")),
                "enroll queued into the folder's own store"
            );
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<ReadmeCommand> Commands() =>
        ReadmeCommand.Read(Path.Combine(RepositoryPaths.Root, "README.md")).Where(c => c.Text != "./test");

    private static string? Expectation(ReadmeCommand command) =>
        Expectations.FirstOrDefault(e => command.Text.StartsWith(e.Start, StringComparison.Ordinal)).Expected;

    private static async Task RunAsync(ReadmeCommand command, string folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exit, output) = await ShellAsync(command.Text, folder, environment);
        Assert.True(
            exit == command.ExpectedExit,
            $"'{command.Text}' in {folder} exited {exit}, expected {command.ExpectedExit}:\n{output}"
        );
        var expected = Expectation(command) ?? throw new InvalidOperationException($"no expectation for '{command.Text}'");
        Assert.True(
            output.Contains(expected, StringComparison.Ordinal),
            $"'{command.Text}' in {folder} did not print '{expected}':\n{output}"
        );
    }

    /// <summary>The main job as typed: it listens on its default address and answers (setup page, nothing configured).</summary>
    private static async Task ServeAnswersAsync(string folder)
    {
        using var process = Start("exec ./coursebot serve", folder);
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync();
                    Assert.Fail($"coursebot serve exited with {process.ExitCode}:\n{log}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("http://127.0.0.1:3000/"));
                    Assert.True(response.IsSuccessStatusCode, $"GET / answered {(int)response.StatusCode}");
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && waited.Elapsed < CommandTimeout)
                {
                    await Task.Delay(250);
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<(int Exit, string Output)> ShellAsync(
        string command,
        string folder,
        IReadOnlyDictionary<string, string>? environment
    )
    {
        using var process = Start(command, folder, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Process Start(string command, string folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment.Remove("COURSEBOT_CONFIGURATION");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
    }
}
