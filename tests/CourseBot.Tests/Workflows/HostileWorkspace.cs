using System.Text;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// A learner checkout built to take over anything that runs in it or looks things up from it: SDK and
/// package-manager configuration, shell start-up files, executables named like every tool the
/// workflows start (in the checkout, in its bin/ and in a learner-writable folder on PATH), file names
/// shaped like step outputs and workflow commands, and links into the runner's own folders. Every
/// planted program appends its name to <c>planted-ran</c> and its environment to <c>planted-env.PID</c>
/// in the record folder, and exits 97.
/// </summary>
internal static class HostileWorkspace
{
    public static readonly string[] PlantedTools =
    [
        "bash", "sh", "dotnet", "python3", "python", "sudo", "curl", "sha256sum", "env", "id", "mktemp", "rm", "chmod",
        "cat", "cut", "node", "npm", "git", "apt-get", "redis-server", "redis-cli", "setpriv", "seq", "sleep", "printf",
        "coursebot-grader", "tar", "wget",
    ];

    private static readonly string[] LeftBehind = ["curlrc-output", "nuget", "obj"];

    /// <summary>Plants everything in the simulation's workspace; returns the learner-writable folder put first on PATH.</summary>
    public static string Plant(RunnerSimulation runner)
    {
        var workspace = runner.Workspace;
        var planted = Planted(runner.Record);
        var learnerBin = Directory.CreateDirectory(Path.Combine(runner.Root, "learner-bin")).FullName;
        File.SetUnixFileMode(learnerBin, (UnixFileMode)0b111_111_111);
        foreach (var folder in new[] { workspace, Path.Combine(workspace, "bin"), Path.Combine(workspace, ".dotnet"), learnerBin })
        {
            Directory.CreateDirectory(folder);
            foreach (var tool in PlantedTools)
            {
                Executable(Path.Combine(folder, tool), planted);
            }
        }

        Write(workspace, "global.json", """
            { "sdk": { "paths": [".dotnet", "$host$"], "version": "10.0.100", "rollForward": "latestMajor" } }
            """);
        Write(workspace, "Directory.Build.props", $"""
            <Project>
              <Target Name="Pwn" BeforeTargets="Restore;Build;Publish">
                <Exec Command="echo Directory.Build.props >> {runner.Record}/planted-ran" />
              </Target>
            </Project>
            """);
        Write(workspace, "Directory.Build.rsp", $"-p:BaseIntermediateOutputPath={runner.Record}/obj/");
        Write(workspace, "nuget.config", $"""
            <configuration>
              <packageSources><clear /><add key="learner" value="{workspace}/packages" /></packageSources>
              <config><add key="globalPackagesFolder" value="{runner.Record}/nuget" /></config>
            </configuration>
            """);
        Write(workspace, ".npmrc", $"node-options=--require {workspace}/pwn.js\nscript-shell={workspace}/bin/sh\n");
        Write(workspace, "pwn.js", $"require('fs').appendFileSync('{runner.Record}/planted-ran', 'pwn.js\\n');\n");
        Write(workspace, ".curlrc", $"output = {runner.Record}/curlrc-output\n");
        foreach (var startup in new[] { ".bashrc", ".bash_profile", ".profile", ".bash_login", ".bash_logout", ".env" })
        {
            Write(workspace, startup, $"echo {startup} >> {runner.Record}/planted-ran\n");
        }

        // Names a careless `ls >> $GITHUB_OUTPUT` or an unquoted glob would turn into outputs or commands.
        foreach (var name in new[] { "path=pwned", "score=999", "passed=true", "::set-output name=path::pwned",
                     "$GITHUB_OUTPUT", "$(touch pwned)", "x\npath=pwned", "-rf", "--output" })
        {
            Write(workspace, name, "learner text\n");
        }

        File.CreateSymbolicLink(Path.Combine(workspace, "runner-temp"), runner.Temp);
        File.CreateSymbolicLink(Path.Combine(workspace, "actions"), Path.GetDirectoryName(runner.ActionPath)!);
        File.CreateSymbolicLink(Path.Combine(workspace, "grader-link"), Path.Combine(runner.Temp, "coursebot-grader"));
        return learnerBin;
    }

    /// <summary>Names of planted programs that ran (empty when none did).</summary>
    public static IReadOnlyList<string> Ran(RunnerSimulation runner)
    {
        var ran = new List<string>();
        var marker = Path.Combine(runner.Record, "planted-ran");
        if (File.Exists(marker))
        {
            ran.AddRange(File.ReadAllLines(marker));
        }

        ran.AddRange(Directory.GetFiles(runner.Record, "planted-env.*").Select(Path.GetFileName)!);
        ran.AddRange(LeftBehind.Where(n => Path.Exists(Path.Combine(runner.Record, n))));
        return ran;
    }

    /// <summary>Paths and contents of everything in the workspace (links as their targets), to show nothing changed it.</summary>
    public static IReadOnlyList<string> Snapshot(string workspace)
    {
        var entries = new List<string>();
        Describe(new DirectoryInfo(workspace), workspace, entries);
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    private static void Describe(DirectoryInfo folder, string workspace, List<string> entries)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            var name = Path.GetRelativePath(workspace, entry.FullName);
            if (entry.LinkTarget is { } link)
            {
                entries.Add(name + " -> " + link);
            }
            else if (entry is DirectoryInfo child)
            {
                entries.Add(name + "/");
                Describe(child, workspace, entries);
            }
            else
            {
                var hash = System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(entry.FullName));
                entries.Add(name + " " + Convert.ToHexString(hash));
            }
        }
    }

    private static string Planted(string record) => $"""
        #!/bin/sh
        echo "$0" >> '{record}/planted-ran'
        export -p > "{record}/planted-env.$$"
        exit 97

        """;

    private static void Executable(string path, string text)
    {
        File.WriteAllText(path, text, new UTF8Encoding(false));
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    private static void Write(string folder, string name, string text) => File.WriteAllText(Path.Combine(folder, name), text);
}
