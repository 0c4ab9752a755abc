namespace CourseBot.Grading;

/// <summary>
/// Where the lab's services are and which interpreter runs hidden tests. The grading workflow
/// provides Redis as a service container on the default port; tests start their own.
/// </summary>
public sealed record GradingEnvironment
{
    public string BrokerUrl { get; init; } = "redis://127.0.0.1:6379/0";

    public string BackendUrl { get; init; } = "redis://127.0.0.1:6379/1";

    /// <summary>Debian's interpreter, which sees Debian's Celery and pytest (a pyenv python3 on PATH would not).</summary>
    public string Python { get; init; } = "/usr/bin/python3";
}
