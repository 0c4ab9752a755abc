using System.Text.Json.Nodes;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;
using CourseBot.Tests.Journey;
using Microsoft.Extensions.Time.Testing;

namespace CourseBot.Tests.Cohorts;

/// <summary>
/// A course run on record: learners in three cohorts (one with a hostile name), the three paces, starts a week apart, each
/// having passed a different number of modules at their own speed, written in time order through the store (the fake clock
/// stamps each entry), as the bot would have recorded them. Some learners idle, two capstones wait, one was sent back.
/// </summary>
internal static class CohortOnRecord
{
    public static readonly DateTimeOffset Today = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    public const string HostileCohort = "=HYPERLINK(\"x\")<b>owls</b>|@all";
    private static readonly DateTimeOffset First = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Cohorts = ["autumn-2026", "winter-2026", HostileCohort];
    private static readonly string[] Paces = ["part-time", "full-time", "flexible"];

    private static Course Course => CeleryCourse.Course;

    /// <summary>Writes <paramref name="learners"/> learners' histories; the clock ends at <see cref="Today"/>.</summary>
    public static async Task WriteAsync(ILearnerEvents store, FakeTimeProvider time, int learners = 30)
    {
        var entries = new List<(DateTimeOffset At, string Repository, string Subject, LearnerEventData Data)>();
        for (var i = 0; i < learners; i++)
        {
            entries.AddRange(Learner(i));
        }

        // What would happen after today is not on record yet.
        foreach (
            var (at, repository, subject, data) in entries
                .Where(e => e.At <= Today)
                .OrderBy(e => e.At)
                .ThenBy(e => e.Repository, StringComparer.Ordinal)
        )
        {
            if (at > time.GetUtcNow())
            {
                time.SetUtcNow(at);
            }

            await store.AppendAsync(repository, subject, data, CancellationToken.None);
        }

        time.SetUtcNow(Today);
    }

    private static IEnumerable<(DateTimeOffset, string, string, LearnerEventData)> Learner(int i)
    {
        var login = i == 7 ? "ada-lovelace" : $"learner{i:00}";
        var repository = $"academy/celery-{login}";
        var start = First.AddDays(7 * (i % 5));
        var pace = Paces[(i / 3) % 3];
        yield return (start, repository, "fundamentals", new Enrolled(login, "fundamentals", pace, DateOnly.FromDateTime(start.UtcDateTime),
            Cohorts[i % 3], 1, null));
        yield return (start.AddMinutes(1), repository, "", new RepositoryCreated($"https://github.example/{repository}", 1000 + i, 1));
        var passed = i == 20 ? 12 : i % 11;
        var days = i is 10 or 21 ? 6 : 5 + (3 * (i % 4)); // the two capstone authors went fast
        var at = start;
        foreach (var module in Course.Modules.Where(m => m.Path == "fundamentals").OrderBy(m => m.Number).Take(passed))
        {
            at = at.AddDays(days);
            foreach (var entry in Pass(repository, module, at, i))
            {
                yield return entry;
            }
        }

        // Idle learners stop; the others have a push and a failed quiz on their current module after the last pass.
        if (i % 4 != 0 && passed < 11 && Course.Modules.FirstOrDefault(m => m.Path == "fundamentals" && m.Number == passed + 1) is { } next)
        {
            at = at.AddDays(2);
            yield return (at, repository, "", new PushSeen("a", "b", "t", false, true));
            if (next.Assessments.FirstOrDefault(a => a.Grading == Core.Curriculum.Model.Grading.Quiz) is { } quiz)
            {
                yield return (at.AddHours(1), repository, $"{next.Id}/{quiz.Id}", Quiz(55 + i));
            }
        }

        if (i is 10 or 21)
        {
            var capstone = Course.Modules.First(m => m.Capstone is not null);
            yield return (at.AddDays(3 + (i % 5)), repository, capstone.Id, new CapstonePullRequest(
                2, "opened", false, true, "c" + i, at.AddDays(3 + (i % 5)), $"https://github.example/{repository}/pull/2"));
        }

        if (i == 10)
        {
            var capstone = Course.Modules.First(m => m.Capstone is not null);
            yield return (at.AddDays(20), repository, capstone.Id, new CapstoneReview(
                2, 77, "changes_requested", "grace", "grace", "c10", at.AddDays(20), null));
        }
    }

    /// <summary>Every assessment of the module done: a counted quiz, a passed lab, an approval, or an approved capstone.</summary>
    private static IEnumerable<(DateTimeOffset, string, string, LearnerEventData)> Pass(
        string repository,
        Module module,
        DateTimeOffset at,
        int i
    )
    {
        if (module.Capstone is { } capstone)
        {
            var scores = capstone.Rubric.ToDictionary(r => r.Criterion, r => (double)r.Weight, StringComparer.Ordinal);
            yield return (
                at.AddHours(-2),
                repository,
                module.Id,
                new CapstonePullRequest(1, "opened", false, true, "h", at.AddHours(-2), null)
            );
            yield return (
                at,
                repository,
                module.Id,
                new CapstoneReview(1, 5, "approved", "grace", "grace", "h", at, null, scores, scores.Values.Sum(), scores.Values.Sum())
            );
            yield return (at, repository, module.Id, new PeerReviewGiven("academy/celery-learner00", 1, 9, at, null));
        }

        foreach (
            var assessment in module.Assessments.Where(a => module.Capstone is null || a.Grading != Core.Curriculum.Model.Grading.Review)
        )
        {
            var subject = $"{module.Id}/{assessment.Id}";
            yield return assessment.Grading switch
            {
                Core.Curriculum.Model.Grading.Quiz => (at, repository, subject, Quiz(80 + ((i + module.Number) % 5 * 5))),
                Core.Curriculum.Model.Grading.Auto => (at, repository, subject, Lab(8 + ((i + module.Number) % 3), 10, HiddenVersion(i))),
                _ => (at, repository, subject, new ReviewApproved("grace", 1)),
            };
        }
    }

    private static QuizSubmitted Quiz(double percent) =>
        new(1, null, null, null, percent, percent >= 80, true, false, null, null);

    private static LabGraded Lab(double score, double max, string? hiddenVersion) =>
        new("1", "1", "sha", "refs/heads/main", null, null, null, score, max, true, true, null, null, new JsonObject())
        {
            HiddenVersion = hiddenVersion,
        };

    /// <summary>
    /// The hidden tests that graded a learner's labs: none recorded for every fourth learner (results from before versions
    /// were kept), a later version for some (a regrade), the first one for the rest.
    /// </summary>
    private static string? HiddenVersion(int learner) => (learner % 4) switch
    {
        0 => null,
        1 => "b71e04aa5c2d",
        _ => "3f9a2c1d8e60",
    };
}
