using System.CommandLine;
using System.Globalization;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Journey;
using CourseBot.Core.Journey.Forms;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot enroll --cohort NAME roster.csv</c>: instructor-led enrollment. Each learner of the
/// roster (GitHub Classroom's export, or any CSV with a github_username column) is queued in the
/// bot's store; the running bot generates their repositories. Queuing the same roster again adds
/// nothing, and enrolling an enrolled learner changes nothing.
/// </summary>
internal static class EnrollCommandLine
{
    public static Command Build()
    {
        var roster = new Argument<FileInfo>("roster")
        {
            Description =
                "The roster CSV (GitHub Classroom export: identifier,github_username,github_id,name; optional path, pace, start columns).",
        };
        var cohort = new Option<string>("--cohort") { Description = "The cohort's name (recorded with each enrollment).", Required = true };
        var path = new Option<string?>("--path")
        {
            Description = "The path learners start with, unless the roster says (default: the course's first path).",
        };
        var pace = new Option<string?>("--pace") { Description = "The pace, unless the roster says (default: part-time)." };
        var start = new Option<string?>("--start") { Description = "The start date YYYY-MM-DD, unless the roster says (default: today)." };
        var installation = new Option<long>("--installation")
        {
            Description =
                "The App installation of the course organisation (default: CourseBot:Journey:InstallationId, else looked up by the bot).",
        };
        var curriculum = new Option<string?>("--curriculum")
        {
            Description = "The curriculum folder (default: ./curriculum or the nearest one above).",
        };
        var store = new StoreOptions();
        var command = new Command("enroll", "Enroll a cohort from a roster CSV; the running bot creates each learner's repository.")
        {
            roster,
            cohort,
            path,
            pace,
            start,
            installation,
            curriculum,
        };
        store.AddTo(command);
        command.SetAction(
            async (parsed, cancel) =>
            {
                var report = CurriculumValidator.ValidateFolder(CurriculumLocator.Resolve(parsed.GetValue(curriculum)));
                if (report.Course is not { } course || !report.IsValid)
                {
                    await Console
                        .Error.WriteLineAsync("coursebot enroll: the curriculum is not valid; run coursebot curriculum validate")
                        .ConfigureAwait(false);
                    return 1;
                }

                var file = parsed.GetValue(roster)!;
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"coursebot enroll: {file.FullName} does not exist").ConfigureAwait(false);
                    return 2;
                }

                var defaults = new Defaults(
                    parsed.GetValue(path) ?? course.Paths[0].Id,
                    parsed.GetValue(pace) ?? new JourneyOptions().DefaultPace,
                    parsed.GetValue(start),
                    DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)
                );
                var (requests, problems) = Requests(
                    course,
                    await File.ReadAllTextAsync(file.FullName, cancel).ConfigureAwait(false),
                    defaults,
                    parsed.GetValue(cohort)!
                );
                var dataDirectory = parsed.GetValue(store.Data)!;
                var inbox = store.OpenInbox(parsed);
                var queued = 0;
                foreach (var request in requests)
                {
                    if (
                        await inbox
                            .TryEnqueueAsync(
                                QueuedLearnerChanges.Enroll(parsed.GetValue(installation), request, request.Cohort ?? ""),
                                cancel
                            )
                            .ConfigureAwait(false)
                    )
                    {
                        queued++;
                    }
                }

                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"{file.Name}: {problem}").ConfigureAwait(false);
                }

                // serve reads its data folder from CourseBot:DataDirectory (default .coursebot in its working folder).
                var bot =
                    !store.IsEmbedded(parsed) ? "the Functions host on that storage account"
                    : dataDirectory == BotServer.DefaultDataDirectory ? "coursebot serve, run from this folder"
                    : $"coursebot serve with CourseBot__DataDirectory={dataDirectory}";
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Cohort {parsed.GetValue(cohort)}: {requests.Count} learners read, {queued} queued, "
                            + $"{requests.Count - queued} already queued before; {problems.Count} rows not enrolled. The running bot "
                            + $"({bot}) creates their repositories."
                    )
                );
                return problems.Count == 0 ? 0 : 1;
            }
        );
        return command;
    }

    internal sealed record Defaults(string Path, string Pace, string? Start, DateOnly Today);

    /// <summary>Rows into enrollment requests; every row that cannot be enrolled is reported with its line.</summary>
    internal static (List<EnrollmentRequest> Requests, List<string> Problems) Requests(
        Course course,
        string csv,
        Defaults defaults,
        string cohort
    )
    {
        var (rows, problems) = ClassroomRoster.Read(csv);
        var list = problems.ToList();
        var requests = new List<EnrollmentRequest>();
        foreach (var row in rows)
        {
            var path = row.Path ?? defaults.Path;
            var pace = row.Pace ?? defaults.Pace;
            var startText = row.Start ?? defaults.Start;
            if (course.FindPath(path) is null)
            {
                list.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"line {row.Line}: no path '{path}' (paths: {string.Join(", ", course.Paths.Select(p => p.Id))})"
                    )
                );
            }
            else if (course.Paces.All(p => p.Id != pace))
            {
                list.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"line {row.Line}: no pace '{pace}' (paces: {string.Join(", ", course.Paces.Select(p => p.Id))})"
                    )
                );
            }
            else if (
                startText is not null
                && !DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            )
            {
                list.Add(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: start '{startText}' is not a date (YYYY-MM-DD)"));
            }
            else
            {
                var startDate = startText is null
                    ? defaults.Today
                    : DateOnly.ParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                requests.Add(new EnrollmentRequest(row.Login, path, pace, startDate, cohort));
            }
        }

        return (requests, list);
    }
}
