using CourseBot.Grading.Labs;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Grading.Checks;

/// <summary>Everything a check runs against: the sandbox, the lab, and the learner's folder in the work copy.</summary>
public sealed record CheckContext(
    LearnerSandbox Sandbox,
    LabDefinition Lab,
    string LabDirectory,
    TimeProvider Time,
    GradingEnvironment Environment
)
{
    /// <summary>Why the learner's worker is not running, when a celery check needs it.</summary>
    public string? WorkerFailure { get; init; }

    /// <summary>The lab's <c>COURSEBOT_SEED</c>: hidden tests and checks draw their randomised inputs from it.</summary>
    public int Seed { get; init; }

    /// <summary>What a check's own processes see: <see cref="LearnerEnvironment"/> and the seed (the worker and setup get no
    /// seed).</summary>
    public IReadOnlyDictionary<string, string> CheckEnvironment =>
        new Dictionary<string, string>(LearnerEnvironment, StringComparer.Ordinal) { [GradingEnvironment.SeedVariable] = SeedText };

    public string SeedText => Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What every learner process of the lab sees besides the sandbox's base environment: the lab's broker and its own folder on
    /// the path.</summary>
    public IReadOnlyDictionary<string, string> LearnerEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CELERY_BROKER_URL"] = Environment.BrokerUrl,
        ["CELERY_RESULT_BACKEND"] = Environment.BackendUrl,
        ["PYTHONPATH"] = LabDirectory,
    };
}
