using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Grading.Labs;

/// <summary>
/// One lab's grading definition (<c>curriculum/modules/NN-module/labs/&lt;lab&gt;/lab.yml</c>), with
/// its hidden folder. It lives in the curriculum, never in the learner's repository.
/// </summary>
public sealed record LabDefinition(
    string Module,
    string Id,
    string Title,
    string WorkDirectory,
    int PassPercent,
    SetupStep? Setup,
    ImmutableArray<WorkerSpec> Workers,
    ImmutableArray<CheckDefinition> Checks,
    string HiddenDirectory,
    SourceLocation Location)
{
    /// <summary>The Debian packages the grading job installs for this lab (<c>packages:</c>; checked by curriculum validate).</summary>
    public ImmutableArray<string> Packages { get; init; } = [];

    /// <summary>The id used on the command line and in results: <c>module/lab</c>.</summary>
    public string Key => $"{Module}/{Id}";

    public int MaxScore => Checks.Sum(c => c.Points);
}

/// <summary>A command run once, as the learner user, before the checks (installing requirements, say).</summary>
public sealed record SetupStep(string Run, TimeSpan Timeout);

/// <summary>
/// A learner Celery worker that black-box checks talk to through the broker. <see cref="Pool"/>
/// <c>app</c> passes no <c>-P</c> (the app's own <c>worker_pool</c> setting decides);
/// <see cref="ExtraArguments"/> are further worker options from the course (never from the learner).
/// </summary>
public sealed record WorkerSpec(string Name, string App, ImmutableArray<string> Queues, int Concurrency, string Pool, bool Beat, string? ExtraArguments, TimeSpan StartTimeout);

public enum OutputComparison
{
    Exact,
    Contains,
    Regex,
    ExitCode,
}

/// <summary>A check worth <see cref="Points"/>; <see cref="Hint"/> is shown to the learner when it fails.</summary>
public abstract record CheckDefinition(string Name, int Points, string? Hint, SourceLocation Location)
{
    public abstract string Kind { get; }
}

/// <summary>Runs a command as the learner user and compares its output.</summary>
public sealed record CommandCheck(
    string Name,
    int Points,
    string? Hint,
    SourceLocation Location,
    string? Setup,
    string Run,
    string? Input,
    string? ExpectedOutput,
    OutputComparison Comparison,
    TimeSpan Timeout) : CheckDefinition(Name, Points, Hint, Location)
{
    public override string Kind => "command";
}

/// <summary>A file in the learner's work folder exists, and its content matches (or must not match) a pattern.</summary>
public sealed record FileCheck(
    string Name,
    int Points,
    string? Hint,
    SourceLocation Location,
    string Path,
    string? Matches,
    string? MustNotMatch) : CheckDefinition(Name, Points, Hint, Location)
{
    public override string Kind => "file";
}

/// <summary>
/// Hidden pytest tests. <c>celery</c> tests run as the grader's user and never import learner code;
/// <c>white-box</c> tests import it and so run as the learner user, and are labelled as such.
/// </summary>
public sealed record PytestCheck(
    string Name,
    int Points,
    string? Hint,
    SourceLocation Location,
    string TestFile,
    bool WhiteBox,
    TimeSpan Timeout) : CheckDefinition(Name, Points, Hint, Location)
{
    public override string Kind => WhiteBox ? "white-box" : "celery";
}
