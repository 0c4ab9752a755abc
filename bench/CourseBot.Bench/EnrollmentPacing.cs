using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CourseBot.Cli.Commands;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Storage;
using CourseBot.GitHubEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Bench;

/// <summary>
/// 500 learners enrolled as an instructor would (<c>coursebot enroll</c> queues the roster, the running bot's worker creates
/// each repository) against the emulator enforcing GitHub's content-creation limits (80 a minute, 500 an hour per installation,
/// refusals answered as GitHub does). The bot runs as shipped (its defaults: 1 s between creations, 80/500 windows). At 500
/// creations an hour this is many hours of GitHub's time, so the bot and the emulator share a virtual clock that jumps to the
/// next timer whenever everyone waits (<see cref="VirtualTimeDriver"/>): every wait the limits impose is taken in full on
/// that clock and is what the limits see, while the bot's own work takes no virtual time (milliseconds beside the seconds
/// between creations), so the shares are those of the pacing, not of this machine.
/// </summary>
internal static class EnrollmentPacing
{
    private const string Org = "academy";

    public static async Task RunAsync()
    {
        var learners = int.TryParse(Environment.GetEnvironmentVariable("BENCH_LEARNERS"), out var n) ? n : 500;
        var root = WebhookIngress.FindRoot();
        var course = CurriculumValidator.ValidateFolder(Path.Combine(root, "curriculum")).Course!;
        var data = Directory.CreateTempSubdirectory("coursebot-bench-pacing-").FullName;
        var clock = new VirtualClock(TimeProvider.System.GetUtcNow());
        await using var github = await GitHubEmulator.GitHubEmulator.StartAsync(
            new EmulatorOptions { EnforceContentCreationLimits = true }, clock).ConfigureAwait(false);
        github.AddInstallation(Org);
        github.AddRepository(Org, "celery-course", new Dictionary<string, string> { ["README.md"] = "# Celery course\n" });
        github.AddRepository(Org, "celery-learner-template", TemplateFiles(root), template: true);
        github.AddTeamMember(Org, "instructors", "grace");
        using var key = RSA.Create(2048);
        await using var bot = BotServer.Build(course, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["CourseBot:GitHub:AppId"] = "4242",
            ["CourseBot:GitHub:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(),
            ["CourseBot:GitHub:ApiBaseUrl"] = github.ApiBaseUrl.ToString(),
            ["CourseBot:Webhooks:Secret"] = "bench-secret",
            ["CourseBot:DataDirectory"] = data,
            ["CourseBot:Journey:CourseRepository"] = $"{Org}/celery-course",
            ["CourseBot:Journey:TemplateRepository"] = $"{Org}/celery-learner-template",
            // Enrollments are queued straight into SQLite (no webhook intake to journal), and the journal pump's 5 ms poll on
            // the shared clock would be its next timer for ever: the virtual clock would crawl 5 ms at a time.
            ["CourseBot:Queue:Journal"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }, services => services.AddSingleton<TimeProvider>(clock));
        await bot.StartAsync().ConfigureAwait(false);

        var roster = Path.Combine(data, "roster.csv");
        await File.WriteAllLinesAsync(roster, [
            "identifier,github_username,github_id,name",
            .. Enumerable.Range(1, learners).Select(i => $"l{i}@x.edu,learner{i},{i},Learner {i}"),
        ]).ConfigureAwait(false);
        var exit = await CourseBotCommandLine.Build().Parse([
            "enroll", "--cohort", "spring-2027", "--path", "fundamentals", "--pace", "full-time", "--start", "2027-01-04",
            "--curriculum", Path.Combine(root, "curriculum"), "--data", data, roster,
        ]).InvokeAsync().ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"coursebot enroll exited {exit}");
        }

        var inbox = bot.Services.GetRequiredService<IDeliveryInbox>();
        var real = Stopwatch.StartNew();
        var start = clock.GetUtcNow();
        await VirtualTimeDriver.RunAsync(
            clock, github, async () => await inbox.PendingAsync(CancellationToken.None).ConfigureAwait(false) == 0,
            TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1)).ConfigureAwait(false);
        Report(github, learners, clock.GetUtcNow() - start, real.Elapsed,
            (await inbox.DeadLettersAsync(CancellationToken.None).ConfigureAwait(false)).Count);
        await bot.StopAsync().ConfigureAwait(false);
        Directory.Delete(data, recursive: true);
    }

    private static void Report(GitHubEmulator.GitHubEmulator github, int learners, TimeSpan virtualTime, TimeSpan real, int dead)
    {
        int enrolled;
        lock (github.State.Gate)
        {
            enrolled = Enumerable.Range(1, learners).Count(i =>
                github.State.Repos.TryGetValue($"{Org}/celery-learner{i}", out var repo)
                && repo.Issues.Any(issue => issue.Title.StartsWith("Module 01:", StringComparison.Ordinal)));
        }

        var rate = CreationRate.Of([.. github.ContentCreations]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"enrollment-pacing: {enrolled}/{learners} learners enrolled, {rate.Count:N0} content-creating calls "
            + $"({(double)rate.Count / learners:F1} per learner), virtual {virtualTime:d\\.hh\\:mm\\:ss} (real {real:mm\\:ss}); "
            + $"busiest minute {rate.BusiestMinute}/80 ({rate.BusiestMinute / 0.8:F0} %), busiest hour {rate.BusiestHour}/500 "
            + $"({rate.BusiestHour / 5.0:F0} %), leanest of {rate.FullHours} complete hours {rate.LeanestFullHour}/500 "
            + $"({rate.LeanestFullHour / 5.0:F1} %), overall {rate.Count / Math.Max(rate.Duration.TotalHours, 1e-9):F0}/h over "
            + $"{rate.Duration.TotalHours:F2} h of creations; secondary-limit errors {github.SecondaryLimitErrors}, "
            + $"retry-after violations {github.RetryAfterViolations}, dead letters {dead}; "
            + $"API calls per learner {(double)github.TotalCalls / learners:F1}"));
        foreach (var (endpoint, calls) in github.Calls.OrderByDescending(c => c.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {calls,7:N0}  {endpoint}"));
        }
    }

    private static Dictionary<string, string> TemplateFiles(string root)
    {
        var folder = Path.Combine(root, "templates", "learner");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }
}
