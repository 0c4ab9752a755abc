using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CourseBot.Core.Cohorts;
using CourseBot.Core.Cohorts.Dashboard;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CourseBot.Bench;

/// <summary>
/// The cohort view of 10,000 learners from SQLite: histories written in bulk (enrolled, repository, 0 to 10 modules passed
/// with every assessment, a push), then <see cref="CohortViewBuilder.BuildAsync"/> timed over 5 rounds, and the dashboard
/// files rendered from it.
/// </summary>
internal static class CohortViewTiming
{
    private const int Learners = 10_000;
    private const int Rounds = 5;

    public static async Task RunAsync()
    {
        var course = ValidCourse.Load(Path.Combine(Root(), "curriculum"));
        var dir = Directory.CreateTempSubdirectory("coursebot-bench-cohort-").FullName;
        var path = Path.Combine(dir, "coursebot.db");
        var store = new SqliteLearnerEvents(path, TimeProvider.System);
        var rows = await WriteAsync(course, path).ConfigureAwait(false);
        var builder = new CohortViewBuilder(course, store, TimeProvider.System);
        var times = new List<double>();
        IReadOnlyList<CohortView> views = [];
        for (var round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            views = await builder.BuildAsync(null, null, CancellationToken.None).ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var render = Stopwatch.StartNew();
        var files = DashboardRenderer.Render(course, views, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var rendered = render.Elapsed.TotalMilliseconds;
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cohort view: {views.Sum(v => v.Learners.Length)} learners, {rows} history rows, {views.Count} cohorts; "
            + $"build min {times[0]:0} ms, median {times[Rounds / 2]:0} ms, max {times[^1]:0} ms (of {Rounds}); "
            + $"dashboard render {rendered:0} ms, {files.Count} files, {files.Values.Sum(f => f.Length) / 1024} KiB"));
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<int> WriteAsync(Course course, string path)
    {
        var fundamentals = course
            .Modules.Where(m => m.Path == "fundamentals" && m.Capstone is null)
            .OrderBy(m => m.Number)
            .Take(10)
            .ToList();
        var start = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO learner_events (repository, kind, subject, at, data) VALUES ($r, $k, $s, $a, $d)";
        var (r, k, s, a, d) = (
            insert.Parameters.Add("$r", SqliteType.Text),
            insert.Parameters.Add("$k", SqliteType.Text),
            insert.Parameters.Add("$s", SqliteType.Text),
            insert.Parameters.Add("$a", SqliteType.Integer),
            insert.Parameters.Add("$d", SqliteType.Text)
        );
        var rows = 0;
        for (var i = 0; i < Learners; i++)
        {
            var repository = string.Create(CultureInfo.InvariantCulture, $"academy/celery-learner{i:00000}");
            var begins = start.AddDays(i % 35);
            var entries = new List<(string Subject, LearnerEventData Data, DateTimeOffset At)>
            {
                (
                    "fundamentals",
                    new Enrolled(
                        $"learner{i}",
                        "fundamentals",
                        (i % 3) switch
                        {
                            0 => "part-time",
                            1 => "full-time",
                            _ => "flexible",
                        },
                        DateOnly.FromDateTime(begins.UtcDateTime),
                        $"cohort-{i % 20}",
                        1,
                        null
                    ),
                    begins
                ),
                ("", new RepositoryCreated($"https://github.example/{repository}", i, 1), begins),
            };
            var at = begins;
            foreach (var module in fundamentals.Take(i % 11))
            {
                at = at.AddDays(4 + (i % 7));
                entries.AddRange(module.Assessments.Select(x => ($"{module.Id}/{x.Id}", Pass(x), at)));
            }

            entries.Add(("", new PushSeen("a", "b", "t", false, true), at.AddDays(1)));
            foreach (var (subject, data, when) in entries)
            {
                (r.Value, k.Value, s.Value, a.Value, d.Value) = (
                    repository,
                    data.Kind,
                    subject,
                    when.ToUnixTimeMilliseconds(),
                    LearnerEventJson.Write(data)
                );
                await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
                rows++;
            }
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return rows;
    }

    private static LearnerEventData Pass(Assessment assessment) =>
        assessment.Grading switch
        {
            Core.Curriculum.Model.Grading.Quiz => new QuizSubmitted(1, null, null, null, 90, true, true, false, null, null),
            Core.Curriculum.Model.Grading.Auto => new LabGraded(
                "1",
                "1",
                "sha",
                "refs/heads/main",
                null,
                null,
                null,
                10,
                10,
                true,
                true,
                null,
                null,
                new JsonObject()
            ),
            _ => new ReviewApproved("grace", 1),
        };

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CourseBot.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
