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
/// The cohort view of 10,000 learners from SQLite: histories written in bulk as the running bot writes them (0 to 10 modules
/// passed with every assessment, see <see cref="WriteAsync"/>), then <see cref="CohortViewBuilder.BuildAsync"/> timed over
/// 5 rounds (wall clock, and the process's CPU time, steadier on a shared machine), and the dashboard files rendered from it.
/// The builder is the shipped one: on SQLite it reads each learner's stored row and derives again only the rows of learners
/// with events since (<see cref="ILearnerSnapshots"/>), so the first build (every row derived) is reported on its own, and
/// each timed build follows appends for <see cref="Acting"/> learners, each append timed (with and without the trigger).
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

        // The first build after an upgrade or a new release derives every row from the histories (and saves them).
        var first = Stopwatch.StartNew();
        var views = await builder.BuildAsync(null, null, CancellationToken.None).ConfigureAwait(false);
        var cold = first.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        var cpu = new List<double>();
        var reads = new List<double>();
        var appends = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            // The store's read alone first: what reading every event costs, the path a store without rows takes.
            var reading = Stopwatch.StartNew();
            await foreach (var _ in store.ReadEveryHistoryAsync(CancellationToken.None).ConfigureAwait(false))
            {
            }

            reads.Add(reading.Elapsed.TotalMilliseconds);

            // Between two dashboard refreshes some learners act: their rows are derived again from their histories.
            appends.AddRange(await ActAsync(store, round).ConfigureAwait(false));
            var used = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            views = await builder.BuildAsync(null, null, CancellationToken.None).ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - used).TotalMilliseconds);
        }

        var render = Stopwatch.StartNew();
        var files = DashboardRenderer.Render(course, views, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var rendered = render.Elapsed.TotalMilliseconds;
        var (triggered, untriggered) = await AppendsAsync(path).ConfigureAwait(false);
        times.Sort();
        cpu.Sort();
        reads.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cohort view: {views.Sum(v => v.Learners.Length)} learners, {rows} history rows, {views.Count} cohorts; "
            + $"first build (every row derived) {cold:0} ms; with {Acting} learners acting before each build: "
            + $"build min {times[0]:0} ms, median {times[Rounds / 2]:0} ms, max {times[^1]:0} ms (of {Rounds}), "
            + $"CPU median {cpu[Rounds / 2]:0} ms; store read alone median {reads[Rounds / 2]:0} ms; "
            + $"dashboard render {rendered:0} ms, {files.Count} files, {files.Values.Sum(f => f.Length) / 1024} KiB; "
            + $"append between builds {Stats.Describe(appends)}; on a copy in turns, append {Stats.Describe(triggered)}, "
            + $"without the heads trigger {Stats.Describe(untriggered)}; "
            + $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Learners given one new event (a push seen) before each timed build, spread over the cohort.</summary>
    private const int Acting = 200;

    /// <summary>One push for each of <see cref="Acting"/> learners through the store's append (the bot's hot path), each timed.</summary>
    private static async Task<List<double>> ActAsync(SqliteLearnerEvents store, int round)
    {
        var timings = new List<double>();
        for (var n = 0; n < Acting; n++)
        {
            var learner = ((n * (Learners / Acting)) + round) % Learners;
            var repository = string.Create(CultureInfo.InvariantCulture, $"academy/celery-learner{learner:00000}");
            var data = LearnerEventJson.Write(new PushSeen(Hash(learner, 600 + round), Hash(learner, 601 + round), null, false, true));
            var clock = Stopwatch.StartNew();
            await store.AppendAsync(repository, LearnerEventKinds.GitHubPush, "", data, CancellationToken.None).ConfigureAwait(false);
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        return timings;
    }

    /// <summary>
    /// The store's append with the heads trigger and without it (the append as it was before the rows), for comparison only:
    /// on a copy of the database, so the store measured above is untouched.
    /// </summary>
    private static async Task<(List<double> With, List<double> Without)> AppendsAsync(string path)
    {
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(Path.GetDirectoryName(path)!, "untriggered.db");
        await using (var source = new SqliteConnection($"Data Source={path}"))
        {
            await source.OpenAsync().ConfigureAwait(false);
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $copy";
            vacuum.Parameters.AddWithValue("$copy", copy);
            await vacuum.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        // The store's own append on the copy, opened first (its schema adds the trigger); then, in turns (the machine is shared
        // and its load moves), blocks of appends with the trigger and with it dropped.
        var copied = new SqliteLearnerEvents(copy, TimeProvider.System);
        await using var connection = new SqliteConnection($"Data Source={copy}");
        await connection.OpenAsync().ConfigureAwait(false);
        var trigger = await ScalarAsync(connection, "SELECT sql FROM sqlite_master WHERE name = 'learner_events_head'")
            .ConfigureAwait(false);
        var (triggered, untriggered) = (new List<double>(), new List<double>());
        for (var turn = 0; turn < 4; turn++)
        {
            triggered.AddRange(await ActAsync(copied, Rounds + (2 * turn)).ConfigureAwait(false));
            await ScalarAsync(connection, "DROP TRIGGER learner_events_head").ConfigureAwait(false);
            untriggered.AddRange(await ActAsync(copied, Rounds + (2 * turn) + 1).ConfigureAwait(false));
            await ScalarAsync(connection, trigger!).ConfigureAwait(false);
        }

        return (triggered, untriggered);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync().ConfigureAwait(false) as string;
    }

    /// <summary>
    /// Writes histories as the running bot leaves them: every learner's entries interleaved in time (rows of one learner are
    /// scattered through the table, as webhooks from a whole cohort arrive), the bot's own bookkeeping beside the learner's
    /// events (setup, milestones, module issues, results comments, committed files), quizzes with their answers and
    /// lab results with their checks and the result as sent.
    /// </summary>
    private static async Task<int> WriteAsync(Course course, string path)
    {
        var fundamentals = course.Modules.Where(m => m.Path == "fundamentals" && m.Capstone is null)
            .OrderBy(m => m.Number).Take(10).ToList();
        var start = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var entries = new List<(string Repository, string Subject, LearnerEventData Data, DateTimeOffset At)>();
        for (var i = 0; i < Learners; i++)
        {
            var repository = string.Create(CultureInfo.InvariantCulture, $"academy/celery-learner{i:00000}");
            var begins = start.AddDays(i % 35).AddMinutes(i % 997);
            void Add(string subject, LearnerEventData data, DateTimeOffset at) => entries.Add((repository, subject, data, at));
            var pace = (i % 3) switch { 0 => "part-time", 1 => "full-time", _ => "flexible" };
            Add("fundamentals", new Enrolled($"learner{i}", "fundamentals", pace,
                DateOnly.FromDateTime(begins.UtcDateTime), $"cohort-{i % 20}", 1, null), begins);
            Add("", new RepositoryCreated($"https://github.example/{repository}", i, 1), begins);
            Add("labels", new SetupDone(), begins);
            Add("team", new SetupDone(Team: "instructors", Permission: "triage"), begins);
            for (var m = 1; m <= 5; m++)
            {
                Add($"milestone:week-{m}", new SetupDone(Number: m), begins);
            }

            var at = begins;
            foreach (var module in fundamentals.Take((i % 11) + 1))
            {
                Add(module.Id, new ModuleIssueOpened(module.Number + 1), at);
                Add(module.Id, new ModuleIssueWritten(Hash(i, module.Number)), at);
                var passes = fundamentals.IndexOf(module) < i % 11;
                at = at.AddDays(4 + (i % 7));
                foreach (var assessment in module.Assessments.Where(_ => passes))
                {
                    var key = $"{module.Id}/{assessment.Id}";
                    if (assessment.Grading == Core.Curriculum.Model.Grading.Quiz)
                    {
                        Add(key, new QuizStarted(at.AddMinutes(30), 77), at.AddMinutes(-20));
                    }
                    else if (assessment.Grading == Core.Curriculum.Model.Grading.Auto)
                    {
                        // A first push that fails one check (its traceback kept), then the one that passes.
                        Add("", new PushSeen(Hash(i, 1), Hash(i, 2), Hash(i, 3), false, true), at.AddHours(-2));
                        Add(key, Lab(passed: false), at.AddHours(-2));
                        Add("", new PushSeen(Hash(i, 2), Hash(i, 8), Hash(i, 9), false, true), at.AddMinutes(-5));
                    }

                    Add(key, Pass(assessment), at);
                    Add(module.Id, new ResultsCommentWritten(i * 100L + module.Number, Hash(i, 4)), at);
                }

                Add("", Files(i, module.Number), at.AddMinutes(1));
                Add(module.Id, new ModuleIssueWritten(Hash(i, module.Number + 50)), at.AddMinutes(1));
            }

            Add("", new PushSeen(Hash(i, 5), Hash(i, 6), Hash(i, 7), false, true), at.AddDays(1));
        }

        var rows = 0;
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO learner_events (repository, kind, subject, at, data) VALUES ($r, $k, $s, $a, $d)";
        var (r, k, s, a, d) = (insert.Parameters.Add("$r", SqliteType.Text), insert.Parameters.Add("$k", SqliteType.Text),
            insert.Parameters.Add("$s", SqliteType.Text), insert.Parameters.Add("$a", SqliteType.Integer),
            insert.Parameters.Add("$d", SqliteType.Text));
        foreach (var (repository, subject, data, when) in entries.OrderBy(e => e.At))
        {
            (r.Value, k.Value, s.Value) = (repository, data.Kind, subject);
            (a.Value, d.Value) = (when.ToUnixTimeMilliseconds(), LearnerEventJson.Write(data));
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
            rows++;
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return rows;
    }

    private static LearnerEventData Pass(Assessment assessment) => assessment.Grading switch
    {
        Core.Curriculum.Model.Grading.Quiz => new QuizSubmitted(12, 1, 9, 10, 90, true, true, false,
            [.. Enumerable.Range(1, 10).Select(q => new QuizAnswer($"q{q}", "b", q != 3, ["a", "b", "c", "d"]))], null),
        Core.Curriculum.Model.Grading.Auto => Lab(passed: true),
        _ => new ReviewApproved("grace", 1),
    };

    /// <summary>
    /// A lab result as the grade intake records it: four checks (the last one failed, with its traceback, unless
    /// <paramref name="passed"/>), what the run claimed, and the result as sent.
    /// </summary>
    private static LabGraded Lab(bool passed)
    {
        const string Traceback = "  File \"hidden/test_lab.py\", line 42, in test_retry\n";
        var checks = Enumerable.Range(1, 4)
            .Select(c => new LabCheck($"test_check_{c}", c == 4 ? "white-box" : "black-box", 5, passed || c < 4 ? 5 : 0, passed || c < 4))
            .ToList();
        var score = checks.Sum(c => c.Score);
        var sent = new JsonObject
        {
            ["lab"] = "first-celery-app/first-app-lab", ["score"] = score, ["max_score"] = 20, ["passed"] = passed,
            ["status"] = passed ? "passed" : "failed", ["isolated"] = true,
            ["tests"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["kind"] = c.Kind, ["max_score"] = c.Points, ["score"] = c.Score,
                ["status"] = c.Passed ? "passed" : "failed",
                ["message"] = c.Passed ? null : "the task did not retry after the broker refused it",
                ["detail"] = c.Passed ? null : string.Concat(Enumerable.Repeat(Traceback, 12)),
            })]),
        };
        const string Workflow = "academy/celery-course/.github/workflows/grade.yml@refs/heads/main";
        return new LabGraded("1234567", "1", Hash(1, 1), "refs/heads/main", Workflow, "42", "github-hosted", score, 20, passed, true,
            checks, new ClaimedScore(score, 20, passed), sent) { HiddenVersion = Hash(2, 2)[..16] };
    }

    private static FilesCommitted Files(int learner, int module)
    {
        var hashes = Enumerable.Range(1, 8)
            .ToDictionary(f => $"badges/badge-{f}.svg", f => Hash(learner, module * 10 + f), StringComparer.Ordinal);
        hashes["README.md"] = Hash(learner, module);
        return new FilesCommitted(Hash(learner, module + 200), Hash(learner, module + 300), Hash(learner, module + 400), null, hashes);
    }

    private static string Hash(int learner, int n) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(((long)learner << 16) + n)))[..40];

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
