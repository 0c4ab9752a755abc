using System.Text.Json.Nodes;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CourseBot.Tests.Journey;

/// <summary>
/// A learner of the small course in <c>Fixtures/minimal</c>, whose history a test writes entry by entry
/// on a fixed clock (each entry seven minutes after the one before), so every text derived from it is the
/// same on every run.
/// </summary>
internal sealed class MiniLearner
{
    public const string Repository = "academy/mini-ada";
    public const string Url = "https://github.com/" + Repository;
    private static readonly Lazy<Course> Loaded = new(() =>
        CurriculumValidator.ValidateFolder(Path.Combine(AppContext.BaseDirectory, "Fixtures", "minimal")).Course!);

    private readonly List<LearnerEvent> _events = [];

    /// <summary>
    /// Enrolled in path 1 (basics) at the part-time pace from the course repository's Enroll issue #3, with the issues of modules 1 and 2.
    /// </summary>
    public MiniLearner()
    {
        Record("basics", new Enrolled("ada", "basics", "part-time", new DateOnly(2026, 12, 1), null, 1001, "academy/mini-course#3"));
        Record("", new RepositoryCreated(Url, 1007, 42));
        Record("first", new ModuleIssueOpened(1));
        Record("second", new ModuleIssueOpened(2));
    }

    public static Course Course => Loaded.Value;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    public LearnerLedger Ledger => LearnerLedger.From(Repository, _events);

    public Core.Journey.Progression.LearnerProgress Progress => Ledger.Progress(Course)!;

    public MiniLearner Record(string subject, LearnerEventData data)
    {
        _events.Add(new LearnerEvent(_events.Count + 1, Repository, data.Kind, subject, Time.GetUtcNow(), LearnerEventJson.Write(data)));
        Time.Advance(TimeSpan.FromMinutes(7));
        return this;
    }

    public MiniLearner Quiz(string key, double percent) =>
        Record(key, new QuizSubmitted(null, null, null, null, percent, percent >= 80, Counted: true, false, null, null));

    /// <summary>A run of module 1's lab: the app check passes; the tasks check scores <paramref name="tasks"/> of 6.</summary>
    public MiniLearner Lab(double tasks)
    {
        var failed = tasks < 6;
        var result = new JsonObject
        {
            ["lab"] = "first/first-lab", ["status"] = failed ? "failed" : "passed", ["isolated"] = true,
            ["tests"] = new JsonArray(
                new JsonObject { ["name"] = "app module", ["kind"] = "file", ["status"] = "passed", ["score"] = 1, ["max_score"] = 1 },
                new JsonObject
                {
                    ["name"] = "tasks: add returns the sum", ["kind"] = "celery", ["status"] = failed ? "failed" : "passed",
                    ["score"] = tasks, ["max_score"] = 6,
                    ["message"] = failed ? "add(2, 3) returned 6" : null, ["hint"] = failed ? "Return a + b." : null,
                    ["detail"] = failed ? "Traceback (most recent call last): hidden/test_tasks.py" : null,
                }),
        };
        var sha = failed ? "8fb8238aa1c0de0000000000000000000000beef" : "c0ffee00d1ce0000000000000000000000000001";
        var workflow = Repository + "/.github/workflows/grade.yml@refs/heads/main";
        LabCheck[] checks = [new("app module", "file", 1, 1, true), new("tasks", "celery", 6, tasks, !failed)];
        return Record("first/first-lab", new LabGraded(
            failed ? "77" : "78", "1", sha, "refs/heads/main", workflow, "1007", "github-hosted",
            1 + tasks, 7, !failed, true, checks, null, result));
    }
}
