using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Writing;
using CourseBot.Core.OpenBadges;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// Brings a learner's repository in line with their recorded progress: an issue per unlocked
/// module (body, ticks, labels, milestone, open or closed), one results comment per module with
/// lab results, the rubric comment on each capstone pull request, and the progress files (README section, badges, the forms of
/// open quiz attempts) in one commit, removing the forms of attempts that ended.
/// Everything is compared with what the bot last wrote, so a sync that changes nothing makes no
/// call, and a redelivered event finds its work done.
/// </summary>
public sealed partial class LearnerSync(
    Course course, JourneyOptions options, TimeProvider time, CredentialIssuance credentials, ILogger<LearnerSync> logger)
{
    public async Task RunAsync(IGitHubClient github, LearnerLedger ledger, LearnerRecorder recorder, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.Progress(course) is not { } progress)
        {
            return;
        }

        // A certificate earned is a fact of the learner's record, kept even if the course changes later.
        var issued = ledger.Events.Where(e => e.Kind == LearnerEventKinds.CertificateIssued)
            .Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        foreach (var certificate in progress.Certificates.Where(c => !issued.Contains(c.Key)))
        {
            var record = new CertificateIssued(ProgressReadmeWriter.CertificateTitle(course, certificate), certificate.At);
            await recorder.RecordAsync(certificate.Key, record, cancel).ConfigureAwait(false);
            LogCertificate(logger, ledger.Repository, certificate.Key);
        }

        await credentials.IssueAsync(ledger, progress, recorder, cancel).ConfigureAwait(false);

        // The whole schedule of the enrolled path is visible from the start (later paths' milestones come as they open).
        if (!ledger.Setup.Contains("milestones"))
        {
            var enrolled = course.FindPath(progress.Enrollment.PathId)?.AllModules.ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var milestone in progress.Milestones.Where(m => m.Modules.Any(enrolled.Contains)))
            {
                await MilestoneAsync(github, ledger, recorder, milestone, cancel).ConfigureAwait(false);
            }

            await recorder.RecordAsync("milestones", new SetupDone(), cancel).ConfigureAwait(false);
        }

        // An extension or a pause moves milestones already on GitHub: each takes its new date in place (no call when none
        // moved), so the milestones page shows the learner's schedule, not only the modules open now.
        foreach (var milestone in progress.Milestones.Where(m => ledger.Milestones.ContainsKey(m.Title)))
        {
            await MilestoneAsync(github, ledger, recorder, milestone, cancel).ConfigureAwait(false);
        }

        await SyncPlacementAsync(github, ledger, recorder, progress, cancel).ConfigureAwait(false);
        var justPassed = new List<ModuleProgress>();
        foreach (var module in progress.Modules.Where(m => m.IsUnlocked))
        {
            if (await SyncIssueAsync(github, ledger, recorder, module, cancel).ConfigureAwait(false))
            {
                justPassed.Add(module);
            }
        }

        foreach (var module in justPassed)
        {
            await CongratulateAsync(github, ledger, recorder, progress, module, cancel).ConfigureAwait(false);
        }

        foreach (var module in progress.Modules.Where(m => m.IsUnlocked && ledger.ModuleIssues.ContainsKey(m.Module.Id)))
        {
            await SyncResultsAsync(github, ledger, recorder, module, cancel).ConfigureAwait(false);
        }

        await RubricCommentSync.RunAsync(github, ledger, recorder, progress, cancel).ConfigureAwait(false);
        await CommitFilesAsync(github, ledger, recorder, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Only the progress files: what a started quiz needs before its reply links to the form (no call when they are as written).
    /// </summary>
    public async Task CommitFilesAsync(IGitHubClient github, LearnerLedger ledger, LearnerRecorder recorder, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.Progress(course) is not { } progress)
        {
            return;
        }

        var now = time.GetUtcNow();
        var forms = OpenQuizForms.Of(course, ledger, now, options.QuizGrace);
        var files = new ProgressFiles(course, progress, ledger.ModuleIssues, DateOnly.FromDateTime(now.UtcDateTime), forms,
            ledger.Credentials);
        await new ProgressCommitter(github, ledger, recorder, logger).CommitAsync(files, cancel).ConfigureAwait(false);
    }

    /// <summary>Returns true when this sync closed the module's open issue (the module was just passed).</summary>
    private async Task<bool> SyncIssueAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        ModuleProgress module,
        CancellationToken cancel
    )
    {
        int? milestone = module.Due is { } due ? await MilestoneAsync(github, ledger, recorder, due, cancel).ConfigureAwait(false) : null;
        string[] labels =
        [
            LabelNames.Bot,
            LabelNames.Path(module.Module.Path),
            LabelNames.Module(module.Module.Number),
            ModuleIssueWriter.Labels(module),
        ];
        var issue = new DesiredIssue(
            module.Module.Id,
            ModuleIssueWriter.Title(module.Module),
            ModuleIssueWriter.Body(course, module),
            labels,
            milestone,
            module.State == ModuleState.Passed
        );
        // Written open before (a hash recorded) and not congratulated yet: closing it now means the module was just passed.
        var wasOpen = ledger.IssueHashes.ContainsKey(module.Module.Id) && !ledger.Replies.Contains("passed:" + module.Module.Id);
        await EnsureIssueAsync(github, ledger, recorder, issue, cancel).ConfigureAwait(false);
        return wasOpen && issue.Closed;
    }

    /// <summary>One comment when a module is passed: what was recorded, and where to go next.</summary>
    private static async Task CongratulateAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        LearnerProgress progress,
        ModuleProgress module,
        CancellationToken cancel
    )
    {
        var text = CongratulationWriter.Write(progress, module, ledger.ModuleIssues);
        await LearnerReplies
            .PostOnceAsync(
                github,
                ledger,
                recorder,
                ledger.ModuleIssues[module.Module.Id],
                "passed:" + module.Module.Id,
                text,
                close: false,
                repository: null,
                cancel
            )
            .ConfigureAwait(false);
    }

    /// <summary>The placement issue of a learner who starts at a later path: open while placement is pending, closed once placed.</summary>
    private async Task SyncPlacementAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        LearnerProgress progress,
        CancellationToken cancel
    )
    {
        if (course.FindPath(progress.Enrollment.PathId) is not { } path || Quizzes.PlacementQuiz.For(course, path) is not { } placement)
        {
            return;
        }

        var placed = progress.PendingPlacement is null;
        if (placed && !ledger.ModuleIssues.ContainsKey(placement.Module.Id))
        {
            return; // placed before the bot ever needed to ask
        }

        var issue = new DesiredIssue(
            placement.Module.Id,
            placement.Module.Title,
            PlacementIssueWriter.Body(course, placement),
            [LabelNames.Bot, LabelNames.Path(path.Id)],
            null,
            placed
        );
        await EnsureIssueAsync(github, ledger, recorder, issue, cancel).ConfigureAwait(false);
    }

    /// <summary>Creates the issue, or updates it when what the bot would write differs from what it last wrote.</summary>
    private async Task EnsureIssueAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        DesiredIssue desired,
        CancellationToken cancel
    )
    {
        var id = desired.Subject;
        var hash = ContentHash.Of(
            desired.Title,
            desired.Body,
            string.Join(',', desired.Labels),
            desired.Milestone?.ToString(CultureInfo.InvariantCulture),
            desired.Closed ? "closed" : "open"
        );
        if (!ledger.ModuleIssues.TryGetValue(id, out var number))
        {
            var issue = new NewIssue(desired.Title) { Body = desired.Body, Milestone = desired.Milestone };
            foreach (var label in desired.Labels)
            {
                issue.Labels.Add(label);
            }

            var created = await github.Issue.Create(ledger.Owner, ledger.Name, issue).ConfigureAwait(false);
            number = created.Number;
            ledger.ModuleIssues[id] = number;
            await recorder.RecordAsync(id, new ModuleIssueOpened(number), cancel).ConfigureAwait(false);
            LogIssueOpened(logger, ledger.Repository, id, number);
            if (!desired.Closed)
            {
                await recorder.RecordAsync(id, new ModuleIssueWritten(hash), cancel).ConfigureAwait(false);
                ledger.IssueHashes[id] = hash;
                return;
            }
        }

        if (ledger.IssueHashes.GetValueOrDefault(id) == hash)
        {
            return;
        }

        var update = new IssueUpdate
        {
            Title = desired.Title,
            Body = desired.Body,
            Milestone = desired.Milestone,
            State = desired.Closed ? ItemState.Closed : ItemState.Open,
        };
        foreach (var label in desired.Labels)
        {
            update.AddLabel(label);
        }

        await github.Issue.Update(ledger.Owner, ledger.Name, number, update).ConfigureAwait(false);
        ledger.IssueHashes[id] = hash;
        await recorder.RecordAsync(id, new ModuleIssueWritten(hash), cancel).ConfigureAwait(false);
    }

    /// <summary>An issue as the bot wants it to be.</summary>
    private sealed record DesiredIssue(
        string Subject,
        string Title,
        string Body,
        IReadOnlyList<string> Labels,
        int? Milestone,
        bool Closed
    );

    private static async Task<int> MilestoneAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        Progression.Milestone due,
        CancellationToken cancel
    )
    {
        var dueOn = new DateTimeOffset(due.DueOn.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero);
        if (ledger.Milestones.TryGetValue(due.Title, out var number))
        {
            // Moved by an extension or a pause (or recorded before due dates were): the same milestone takes the new date,
            // so its issues stay where they are.
            if (!ledger.MilestoneDueDates.TryGetValue(due.Title, out var recorded) || recorded != due.DueOn)
            {
                await github.Issue.Milestone.Update(ledger.Owner, ledger.Name, number, new MilestoneUpdate { DueOn = dueOn })
                    .ConfigureAwait(false);
                ledger.MilestoneDueDates[due.Title] = due.DueOn;
                await recorder.RecordAsync("milestone:" + due.Title, new SetupDone(Number: number, DueOn: due.DueOn), cancel)
                    .ConfigureAwait(false);
            }

            return number;
        }

        Octokit.Milestone created;
        try
        {
            created = await github
                .Issue.Milestone.Create(
                    ledger.Owner,
                    ledger.Name,
                    new NewMilestone(due.Title) { DueOn = dueOn, Description = "Due date from your pace" }
                )
                .ConfigureAwait(false);
        }
        catch (ApiValidationException)
        {
            // Created by an attempt that died before recording it: find it instead of failing forever.
            var existing = await github
                .Issue.Milestone.GetAllForRepository(ledger.Owner, ledger.Name, new MilestoneRequest { State = ItemStateFilter.All })
                .ConfigureAwait(false);
            created =
                existing.FirstOrDefault(m => m.Title == due.Title)
                ?? throw new InvalidOperationException($"milestone '{due.Title}' could not be created or found");
        }

        ledger.Milestones[due.Title] = created.Number;
        ledger.MilestoneDueDates[due.Title] = due.DueOn;
        await recorder.RecordAsync("milestone:" + due.Title, new SetupDone(Number: created.Number, DueOn: due.DueOn), cancel)
            .ConfigureAwait(false);
        return created.Number;
    }

    private static async Task SyncResultsAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        ModuleProgress module,
        CancellationToken cancel
    )
    {
        var latest = LatestResults(ledger, module.Module);
        if (latest.Count == 0)
        {
            return;
        }

        var body = ResultsCommentWriter.Write(module.Module, latest, ledger.RepositoryUrl ?? $"https://github.com/{ledger.Repository}");
        var issue = ledger.ModuleIssues[module.Module.Id];
        await KeptComment.UpsertAsync(github, ledger, recorder, module.Module.Id, issue, body, cancel).ConfigureAwait(false);
    }

    /// <summary>The latest accepted run of each of the module's labs (by history order, which is arrival order at the bot).</summary>
    private static Dictionary<string, LabGraded> LatestResults(LearnerLedger ledger, Module module)
    {
        var latest = new Dictionary<string, LabGraded>(StringComparer.Ordinal);
        foreach (var entry in ledger.Events.Where(e => e.Subject.StartsWith(module.Id + "/", StringComparison.Ordinal))
            .OrderBy(e => e.Sequence))
        {
            if (LearnerEventJson.Read<LabGraded>(entry) is { } graded)
            {
                latest[entry.Subject] = graded;
            }
        }

        return latest;
    }

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "{Repository} earned the certificate {Certificate}")]
    private static partial void LogCertificate(ILogger logger, string repository, string certificate);

    [LoggerMessage(
        EventId = 5101,
        Level = LogLevel.Information,
        Message = "Opened the issue of module {Module} in {Repository}: #{Number}"
    )]
    private static partial void LogIssueOpened(ILogger logger, string repository, string module, int number);
}
