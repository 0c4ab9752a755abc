using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey;

/// <summary>
/// The labs a learner repository may be graded on: the auto-graded assessments of its unlocked
/// modules, from the learner's record (plus any configured by hand, for courses run without enrollment).
/// </summary>
public sealed class ProgressOpenLabs(Course course, ILearnerEvents history, GradingOptions configured) : IOpenLabs
{
    public async Task<IReadOnlyList<string>> ForAsync(string repository, CancellationToken cancel)
    {
        var labs = new List<string>(configured.Repositories.TryGetValue(repository, out var fixedLabs) ? fixedLabs : []);
        var ledger = LearnerLedger.From(repository, await history.ReadAsync(repository, cancel).ConfigureAwait(false));
        if (ledger.Progress(course) is { } progress)
        {
            labs.AddRange(progress.Modules.Where(m => m.IsUnlocked)
                .SelectMany(m => m.Module.Assessments.Where(a => a.Grading == Grading.Auto).Select(a => $"{m.Module.Id}/{a.Id}")));
        }

        return labs.Distinct(StringComparer.Ordinal).ToList();
    }
}
