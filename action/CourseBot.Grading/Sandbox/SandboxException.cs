namespace CourseBot.Grading.Sandbox;

/// <summary>
/// The sandbox cannot be made, or cleaned up, safely (a parent folder others can write, learner
/// processes that would not die). Grading stops: a result from an unsafe sandbox is worth nothing.
/// </summary>
public sealed class SandboxException : Exception
{
    public SandboxException()
    {
    }

    public SandboxException(string message)
        : base(message)
    {
    }

    public SandboxException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
