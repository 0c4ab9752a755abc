using System.Collections.Immutable;

namespace CourseBot.Core.Cohorts;

/// <summary>
/// One learner's row of a cohort view, every figure taken from the learner's progress (the journey's own
/// <see cref="Journey.Progression.ProgressCalculator"/> and pace schedule). <see cref="CurrentModule"/> is the first
/// unlocked module not passed; <see cref="DueOn"/> the earliest due date of a module not yet passed, and
/// <see cref="DaysBehind"/> how many days ago that was (0 when on pace). <see cref="Passed"/> holds each passed module's
/// date, and <see cref="Schedule"/> each milestone's due date with the modules it adds, for the pace chart.
/// </summary>
public sealed record CohortLearner(
    string Login,
    string Repository,
    string? RepositoryUrl,
    string Cohort,
    string PathId,
    string PaceId,
    DateOnly Start,
    string? CurrentModule,
    int? CurrentNumber,
    DateOnly? DueOn,
    int DaysBehind,
    DateTimeOffset? LastActivity,
    int ModulesPassed,
    int ModulesTotal,
    ImmutableArray<ModuleScore> Scores,
    ImmutableArray<CapstoneReviewState> Capstones,
    ImmutableArray<string> Certificates,
    ImmutableArray<DateOnly> Passed,
    ImmutableArray<(DateOnly DueOn, int Modules)> Schedule)
{
    public bool BehindPace => DaysBehind > 0;
}
