using System.Collections.Immutable;

namespace CourseBot.Grading.Labs;

/// <summary>
/// A learner Celery worker that black-box checks talk to through the broker. <see cref="Pool"/>
/// <c>app</c> passes no <c>-P</c> (the app's own <c>worker_pool</c> setting decides);
/// <see cref="ExtraArguments"/> are further worker options from the course (never from the learner).
/// </summary>
public sealed record WorkerSpec(
    string Name,
    string App,
    ImmutableArray<string> Queues,
    int Concurrency,
    string Pool,
    bool Beat,
    string? ExtraArguments,
    TimeSpan StartTimeout
);
