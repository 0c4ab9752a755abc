using System.Diagnostics;
using System.Text.RegularExpressions;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Deployment;

/// <summary>
/// <c>coursebot serve</c> for one machine: deploy/publish-serve.sh makes a self-contained single file that runs with no
/// .NET on the machine, and the Dockerfile builds exactly that (CI has no Docker daemon, so the Dockerfile is read, not run).
/// </summary>
public sealed partial class SingleFilePublishTests
{
    private static string Script => Path.Combine(RepositoryPaths.Root, "deploy", "publish-serve.sh");

    [Fact]
    public async Task Publish_ServesTheCourse_WithNoDotnetOnTheMachine()
    {
        var output = Directory.CreateTempSubdirectory("coursebot-publish-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("coursebot-run-").FullName;
        try
        {
            var (exit, log) = await Processes.RunToEndAsync("bash", [Script, output], CancellationToken.None, throwOnFailure: false);
            Assert.True(exit == 0, log);
            Assert.False(File.Exists(Path.Combine(output, "coursebot.dll")), "a single file carries its assemblies inside");
            Assert.True(File.Exists(Path.Combine(output, "curriculum", "course.yml")));

            var port = LoopbackPorts.Free();
            var program = Path.Combine(output, "coursebot");
            string[] serve = [program, "serve", "--urls", $"http://127.0.0.1:{port}"];
            // As root (CI): in a mount namespace where the .NET installation is an empty folder. Otherwise: no dotnet on PATH.
            var start = SandboxIdentity.IsRoot
                ? new ProcessStartInfo(
                    "unshare",
                    [
                        "--mount",
                        "--propagation",
                        "private",
                        "sh",
                        "-c",
                        $"mount -t tmpfs none {DotnetInstallation} && exec \"$@\"",
                        "sh",
                        .. serve,
                    ]
                )
                : new ProcessStartInfo(program, serve[1..]);
            start.WorkingDirectory = elsewhere; // no curriculum here or above: the one shipped beside the program is used
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.Environment.Clear();
            start.Environment["PATH"] = "/usr/sbin:/sbin:/usr/bin:/bin";
            start.Environment["HOME"] = elsewhere;
            start.Environment["DOTNET_ROOT"] = "/nonexistent";
            var console = new System.Text.StringBuilder();
            using var server = new Process { StartInfo = start };
            server.OutputDataReceived += (_, line) => { lock (console) { console.AppendLine(line.Data); } };
            server.ErrorDataReceived += (_, line) => { lock (console) { console.AppendLine(line.Data); } };
            server.Start();
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                var health = await WaitForAsync(http, "/healthz", server, console);
                Assert.StartsWith("ok", health, StringComparison.Ordinal);
                var catalog = await http.GetStringAsync(new Uri("/", UriKind.Relative));
                Assert.Contains("Capstone Project 1", catalog, StringComparison.Ordinal);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void Dockerfile_BuildsWithThePublishScript_AndRunsItsOutput_AsNonRoot()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Dockerfile"))
            .Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var stages = lines.Select((line, index) => (line, index)).Where(pair => pair.line.StartsWith("FROM ", StringComparison.Ordinal))
            .Select(pair => pair.index).ToList();
        Assert.Equal(2, stages.Count);
        var build = lines[stages[0]..stages[1]];
        var final = lines[stages[1]..];

        // The build stage makes its output with the tested script, for the tested runtime.
        var run = Assert.Single(build, line => line.StartsWith("RUN ", StringComparison.Ordinal));
        var published = PublishCall().Match(run);
        Assert.True(published.Success, run);
        var outputFolder = published.Groups["out"].Value;
        Assert.Equal("linux-x64", published.Groups["rid"].Value);

        // The final stage has no SDK or runtime, copies exactly that output, and starts the single file's serve.
        Assert.Contains("/runtime-deps:", final[0], StringComparison.Ordinal);
        var copy = Assert.Single(final, line => line.StartsWith("COPY ", StringComparison.Ordinal));
        Assert.Equal($"COPY --from=build {outputFolder} /app", copy);
        var entry = Assert.Single(final, line => line.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        Assert.StartsWith("ENTRYPOINT [\"/app/coursebot\", \"serve\"", entry, StringComparison.Ordinal);

        var user = Assert.Single(final, line => line.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];
        Assert.NotEqual("0", user);
        Assert.NotEqual("root", user);
        Assert.True(final.IndexOf(final.Single(line => line.StartsWith("USER ", StringComparison.Ordinal)))
            < final.IndexOf(entry), "the program starts after USER");

        // The data folder the bot writes (CourseBot__DataDirectory) is the volume.
        var volume = Assert.Single(final, line => line.StartsWith("VOLUME ", StringComparison.Ordinal))["VOLUME ".Length..];
        Assert.Contains($"ENV CourseBot__DataDirectory={volume}", final);
    }

    // The folder the running .NET came from (…/shared/Microsoft.NETCore.App/10.0.x/ three levels up): hidden from serve.
    private static string DotnetInstallation => Path.GetFullPath(Path.Combine(
        System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static async Task<string> WaitForAsync(HttpClient http, string path, Process server, System.Text.StringBuilder console)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.False(server.HasExited, "serve exited: " + console);
            try
            {
                return await http.GetStringAsync(new Uri(path, UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException("serve did not answer within 30 s");
    }

    [GeneratedRegex(@"^RUN deploy/publish-serve\.sh (?<out>/\S+) (?<rid>\S+)$")]
    private static partial Regex PublishCall();
}
