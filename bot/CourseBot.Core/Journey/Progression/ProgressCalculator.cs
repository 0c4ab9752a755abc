using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// Derives a learner's progress from the curriculum and their recorded events, and nothing else:
/// the order events arrived in does not matter (results are "best of", approvals are sets), so a
/// view rebuilt from the history always agrees with the one shown before.
/// </summary>
public static class ProgressCalculator
{
    public static LearnerProgress Calculate(Course course, Enrollment enrollment, IReadOnlyList<LearnerEvent> events) =>
        Calculate(course, enrollment, DecodedEvent.Of(events));

    /// <summary>The same, from entries already decoded (a ledger's), so no entry is parsed twice.</summary>
    public static LearnerProgress Calculate(Course course, Enrollment enrollment, IReadOnlyList<DecodedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(events);
        var evidence = Evidence.From(course, events);
        var studied = StudyPaths(course, enrollment).ToList();
        var passed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var modules = new Dictionary<string, ModuleProgress>(StringComparer.Ordinal);
        var paths = new List<PathProgress>();

        // Paths in order: a path's modules can depend on earlier paths being complete, never on later ones.
        foreach (var path in studied)
        {
            // A learner who starts at a later path shows the "equivalent knowledge" with a placement (quiz or instructor).
            var pathUnlocked = PathPrerequisitesMet(course, path.Prerequisites, path.Id, paths, evidence);
            foreach (var id in path.AllModules)
            {
                if (course.FindModule(id) is not { } module)
                {
                    continue;
                }

                var unlocked = pathUnlocked && ModulePrerequisitesMet(course, module, path, paths, passed, evidence);
                var progress = ModuleFor(course, module, unlocked, evidence);
                modules[id] = progress;
                if (progress.PassedAt is { } at)
                {
                    passed[id] = at;
                }
            }

            paths.Add(PathFor(course, path, pathUnlocked, passed, evidence));
        }

        // Due dates come last: a pace change keeps the milestones passed before it, so it needs to know what was passed when.
        var schedule = PaceSchedule.Build(course, enrollment, studied, ScheduleChange.From(events), passed);
        var ordered = studied.SelectMany(p => p.AllModules).Where(modules.ContainsKey)
            .Select(id => modules[id] with { Due = schedule.Milestones.FirstOrDefault(m => m.Modules.Contains(id)) })
            .ToImmutableArray();
        var credited = PlacedPast(course, enrollment, evidence);
        var certificates = CertificateRules.Earned(course, paths, passed, credited);
        return new LearnerProgress(enrollment, ordered, [.. paths], certificates, schedule.Milestones)
        {
            Competency = CertificateRules.Reached(course, paths, credited),
            Next = CertificateRules.Next(course, paths, credited, certificates),
            PlacedPaths = credited,
            PaceId = schedule.PaceId,
            PausedSince = schedule.PausedSince,
        };
    }

    /// <summary>
    /// The paths before the enrolled one, once the learner was placed into it: the placement shows their knowledge, so they count
    /// for the higher certification levels (never for a Certificate of Completion). Dated when the learner was placed.
    /// </summary>
    private static Dictionary<string, DateTimeOffset> PlacedPast(Course course, Enrollment enrollment, Evidence evidence)
    {
        var credited = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (course.FindPath(enrollment.PathId) is not { } start || !evidence.Placements.TryGetValue(start.Id, out var at))
        {
            return credited;
        }

        foreach (var path in course.Paths.Where(p => p.Number < start.Number))
        {
            credited[path.Id] = at;
        }

        return credited;
    }

    /// <summary>The enrolled path and every path after it.</summary>
    private static IEnumerable<LearningPath> StudyPaths(Course course, Enrollment enrollment)
    {
        var start = course.FindPath(enrollment.PathId)?.Number ?? 1;
        return course.Paths.Where(p => p.Number >= start).OrderBy(p => p.Number);
    }

    private static bool PathPrerequisitesMet(
        Course course,
        Prerequisites prerequisites,
        string pathId,
        List<PathProgress> done,
        Evidence evidence
    )
    {
        var required = prerequisites.Paths.All(p => done.Any(d => d.Path.Id == p && d.ModulesComplete) || course.FindPath(p) is null);
        return required || (prerequisites.Alternative is not null && evidence.Placements.ContainsKey(pathId));
    }

    private static bool ModulePrerequisitesMet(
        Course course,
        Module module,
        LearningPath path,
        List<PathProgress> done,
        Dictionary<string, DateTimeOffset> passed,
        Evidence evidence
    )
    {
        var prerequisites = module.Prerequisites;
        // A path prerequisite on the first module of a path is the path's own entry rule, already met
        // when the path is unlocked (by completion, placement or enrollment).
        var pathsMet = prerequisites.Paths.IsEmpty || PathPrerequisitesMet(course, prerequisites, path.Id, done, evidence)
            || prerequisites.Paths.SequenceEqual(path.Prerequisites.Paths);
        var tracksMet = prerequisites.AnyTrack.IsEmpty || done.Any(d => d.CompletedTracks.Intersect(prerequisites.AnyTrack).Any())
            || path.Tracks.Any(t => prerequisites.AnyTrack.Contains(t.Id) && t.Modules.All(passed.ContainsKey));
        return pathsMet && tracksMet && prerequisites.Modules.All(passed.ContainsKey);
    }

    private static ModuleProgress ModuleFor(Course course, Module module, bool unlocked, Evidence evidence)
    {
        var assessments = module.Assessments.Select(a => AssessmentFor(course, module, a, evidence)).ToImmutableArray();
        var required = assessments.Where(a => a.Required).ToList();
        var allDone = required.All(a => a.Done);
        var state = !unlocked ? ModuleState.Locked
            : allDone ? ModuleState.Passed
            : assessments.Any(a => a.Done || a.Attempts > 0) ? ModuleState.InProgress
            : ModuleState.Open;
        DateTimeOffset? passedAt =
            state == ModuleState.Passed
                ? required.Select(a => a.DoneAt ?? DateTimeOffset.MinValue).DefaultIfEmpty(DateTimeOffset.MinValue).Max()
                : null;
        return new ModuleProgress(module, state, assessments, passedAt, null)
        {
            Capstone = evidence.Capstones.GetValueOrDefault(module.Id),
        };
    }

    private static AssessmentProgress AssessmentFor(Course course, Module module, Assessment assessment, Evidence evidence)
    {
        var key = $"{module.Id}/{assessment.Id}";
        // A survey asks for an opinion; it is offered, never required to pass.
        var required = assessment.Kind is not (AssessmentKind.Survey or AssessmentKind.Unknown);
        switch (assessment.Grading)
        {
            case Grading.Quiz:
                var threshold =
                    assessment.PassPercent
                    ?? (
                        assessment.Kind == AssessmentKind.Exam
                            ? course.Passing.Path.FinalExamMinPercent
                            : course.Passing.Module.QuizMinPercent
                    );
                var attempts = evidence.Quizzes.GetValueOrDefault(key) ?? [];
                var best = attempts.Count == 0 ? (double?)null : attempts.Max(a => a.Percent);
                var pass = attempts.Where(a => a.Percent >= threshold).Select(a => (DateTimeOffset?)a.At).FirstOrDefault();
                return new AssessmentProgress(assessment, required, pass is not null, best, null, null, attempts.Count, pass);
            case Grading.Auto:
                var runs = evidence.Labs.GetValueOrDefault(key) ?? [];
                var top = runs.OrderByDescending(r => r.Score / Math.Max(r.Max, 1e-9)).FirstOrDefault();
                var passedRun = runs.Where(r => r.Passed).Select(r => (DateTimeOffset?)r.At).FirstOrDefault();
                var labDone = passedRun is not null;
                return new AssessmentProgress(assessment, required, labDone, null, top?.Score, top?.Max, runs.Count, passedRun)
                {
                    HiddenVersion = top?.HiddenVersion,
                };
            default:
                // A capstone's approved pull request review (complete rubric) approves every review-graded assessment of its module.
                DateTimeOffset? approved =
                    evidence.Approvals.TryGetValue(key, out var at) ? at
                    : evidence.Capstones.GetValueOrDefault(module.Id) is { Approved: true } capstone ? capstone.At
                    : null;
                return new AssessmentProgress(
                    assessment,
                    required,
                    approved is not null,
                    null,
                    null,
                    null,
                    approved is null ? 0 : 1,
                    approved
                );
        }
    }

    private static PathProgress PathFor(
        Course course,
        LearningPath path,
        bool unlocked,
        Dictionary<string, DateTimeOffset> passed,
        Evidence evidence
    )
    {
        // Peer reviews given of this path's capstones (passing.path.peer_review): the modules alone do not complete it.
        var required = PeerReviewRule.Required(course, path);
        var given = path.AllModules.Sum(id => evidence.PeerReviews.GetValueOrDefault(id));
        var tracks = path.Tracks.Where(t => t.Modules.All(passed.ContainsKey)).Select(t => t.Id).ToImmutableArray();
        var all = path.AllModules.ToList();
        var complete = path.Tracks.IsEmpty
            ? all.All(passed.ContainsKey)
            : tracks.Length >= Math.Max(path.TracksRequired, 1) && path.Modules.All(passed.ContainsKey);
        // For a path with tracks, "total" is what completing it takes: the required tracks' modules and its own.
        var total = path.Tracks.IsEmpty
            ? all.Count
            : path.Tracks.Select(t => t.Modules.Length).OrderBy(n => n).Take(Math.Max(path.TracksRequired, 1)).Sum() + path.Modules.Length;
        var done = path.Tracks.IsEmpty
            ? all.Count(passed.ContainsKey)
            : path.Tracks.Select(t => t.Modules.Count(passed.ContainsKey)).OrderDescending().Take(Math.Max(path.TracksRequired, 1)).Sum()
                + path.Modules.Count(passed.ContainsKey);
        // A path certificate already issued stands (a fact of the record, as CertificateIssued says): the peer-review
        // rule, enforced later, does not take a completed path back from learners who finished it before.
        var certified = evidence.Issued.Any(key => key.EndsWith($"-{path.Id}", StringComparison.Ordinal));
        var waived = evidence.PeerReviewsWaived.Contains(path.Id);
        return new PathProgress(path, done, total, unlocked, complete && (given >= required || certified || waived), tracks) {
            PeerReviewsGiven = given, PeerReviewsRequired = required, ModulesComplete = complete,
        };
    }

    /// <summary>The events progression reads, grouped once.</summary>
    private sealed record Evidence(
        Dictionary<string, List<(double Percent, DateTimeOffset At)>> Quizzes,
        Dictionary<string, List<LabRun>> Labs,
        Dictionary<string, DateTimeOffset> Approvals,
        Dictionary<string, DateTimeOffset> Placements,
        Dictionary<string, Capstones.CapstoneStatus> Capstones,
        Dictionary<string, int> PeerReviews,
        HashSet<string> Issued,
        HashSet<string> PeerReviewsWaived)
    {
        public static Evidence From(Course course, IReadOnlyList<DecodedEvent> events)
        {
            var capstones = course
                .Modules.Where(m => m.Capstone is not null)
                .ToDictionary(
                    m => m.Id,
                    m => Journey.Capstones.CapstoneStatusReader.Read(course.CapstoneRules, m.Id, events),
                    StringComparer.Ordinal
                );
            var evidence = new Evidence(
                new(StringComparer.Ordinal),
                new(StringComparer.Ordinal),
                new(StringComparer.Ordinal),
                new(StringComparer.Ordinal),
                capstones,
                new(StringComparer.Ordinal),
                new(StringComparer.Ordinal),
                new(StringComparer.Ordinal)
            );
            var regrades = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var entry in events.OrderBy(e => e.At).ThenBy(e => e.Sequence))
            {
                switch (entry.Data)
                {
                    case QuizSubmitted { Counted: true, Percent: { } percent }:
                        Add(evidence.Quizzes, entry.Subject, (percent, entry.At));
                        break;
                    case LabGraded { Score: { } score, MaxScore: { } max } graded:
                        Add(evidence.Labs, entry.Subject, new LabRun(score, max, graded.Passed, entry.At)
                        {
                            Sequence = entry.Sequence, HiddenVersion = graded.HiddenVersion,
                        });
                        break;
                    case RegradeRequested:
                        regrades[entry.Subject] = entry.Sequence;
                        break;
                    case ReviewApproved:
                        evidence.Approvals.TryAdd(entry.Subject, entry.At);
                        break;
                    case Placed:
                        evidence.Placements.TryAdd(entry.Subject, entry.At);
                        break;
                    case CertificateIssued:
                        evidence.Issued.Add(entry.Subject);
                        break;
                    case PeerReviewWaived:
                        evidence.PeerReviewsWaived.Add(entry.Subject);
                        break;
                    case PeerReviewGiven:
                        evidence.PeerReviews[entry.Subject] = evidence.PeerReviews.GetValueOrDefault(entry.Subject) + 1;
                        break;
                }
            }

            // A regrade's result replaces the results before it (a fixed hidden test decides, not the best of old runs).
            foreach (var (lab, requested) in regrades)
            {
                if (evidence.Labs.TryGetValue(lab, out var runs) && runs.Any(r => r.Sequence > requested))
                {
                    runs.RemoveAll(r => r.Sequence < requested);
                }
            }

            return evidence;
        }

        private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(value);
        }
    }

    private sealed record LabRun(double Score, double Max, bool Passed, DateTimeOffset At)
    {
        public long Sequence { get; init; }

        public string? HiddenVersion { get; init; }
    }
}
