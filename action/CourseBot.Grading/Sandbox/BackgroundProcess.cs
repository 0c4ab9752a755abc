using System.Diagnostics;

namespace CourseBot.Grading.Sandbox;

/// <summary>A learner process left running (a worker); its output is read from a file when needed.</summary>
public sealed class BackgroundProcess(Process process, string stdoutPath, string stderrPath, int capBytes) : IDisposable
{
    public bool HasExited => process.HasExited;

    public CapturedOutput Stdout => CapturedOutput.Read(stdoutPath, capBytes);

    public CapturedOutput Stderr => CapturedOutput.Read(stderrPath, capBytes);

    public void Dispose() => process.Dispose();
}
