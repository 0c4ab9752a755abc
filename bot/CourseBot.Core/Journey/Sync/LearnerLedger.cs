using System.Text.Json.Nodes;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Sync;

/// <summary>A started quiz attempt.</summary>
public sealed record QuizAttempt(string Key, DateTimeOffset Started, DateTimeOffset Deadline, long Sequence, long? Comment);

/// <summary>The files the bot last committed, and where the default branch stands as far as the bot knows.</summary>
public sealed record FilesState(string? ReadmeBlob, string? Readme, IReadOnlyDictionary<string, string> Hashes);

/// <summary>
/// A learner's history read once: the enrollment, the learner events progression uses, and the bot's
/// own bookkeeping (issue numbers, what it last wrote, the branch head from push webhooks).
/// </summary>
public sealed class LearnerLedger
{
    private LearnerLedger(string repository, IReadOnlyList<LearnerEvent> events)
    {
        Repository = repository;
        Events = events;
    }

    public string Repository { get; }

    public IReadOnlyList<LearnerEvent> Events { get; }

    public Enrollment? Enrollment { get; private set; }

    public long Installation { get; private set; }

    /// <summary>The Enroll issue the learner opened (answered once the repository is ready), if they enrolled by form.</summary>
    public (string Repository, int Number)? Origin { get; private set; }

    public string? RepositoryUrl { get; private set; }

    /// <summary>GitHub's id of the repository the bot created at enrollment (names can be reused; ids cannot).</summary>
    public long? RepositoryId { get; private set; }

    /// <summary>GitHub's id of the account that owned it then (the course organisation).</summary>
    public long? RepositoryOwnerId { get; private set; }

    public HashSet<string> Setup { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Milestones { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ModuleIssues { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> IssueHashes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (long Id, string Hash)> Comments { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Replies { get; } = new(StringComparer.Ordinal);

    public FilesState Files { get; private set; } = new(null, null, new Dictionary<string, string>());

    /// <summary>The default branch's head commit and its tree, when known from our last commit or a push webhook in sequence.</summary>
    public (string Commit, string Tree)? Head { get; private set; }

    /// <summary>A push since our last write changed README.md: its content must be read before it is rewritten.</summary>
    public bool ReadmeTouched { get; private set; }

    public List<QuizAttempt> QuizStarts { get; } = [];

    /// <summary>Quiz attempts (their start's sequence) that a submission has used.</summary>
    public HashSet<long> ConsumedAttempts { get; } = [];

    /// <summary>The started attempt of a quiz no submission has used yet, if any.</summary>
    public QuizAttempt? OpenAttempt(string key) => QuizStarts.Where(a => a.Key == key && !ConsumedAttempts.Contains(a.Sequence)).MaxBy(a => a.Sequence);

    /// <summary>Quiz issues already graded (issue number -> subject).</summary>
    public Dictionary<int, string> GradedQuizIssues { get; } = [];

    public string Owner => Repository.Split('/')[0];

    public string Name => Repository.Split('/')[1];

    /// <summary>Whether a grading result for commit <paramref name="sha"/> was recorded.</summary>
    public bool HasResultFor(string sha) =>
        Events.Any(e => e.Kind == LearnerEventKinds.LabGraded && string.Equals((string?)Progression.LearnerEventData.Object(e)?["sha"], sha, StringComparison.OrdinalIgnoreCase));

    public string? ModuleForIssue(int number) => ModuleIssues.FirstOrDefault(m => m.Value == number).Key;

    public static LearnerLedger From(string repository, IReadOnlyList<LearnerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ledger = new LearnerLedger(repository, events);
        foreach (var entry in events.OrderBy(e => e.Sequence))
        {
            ledger.Apply(entry);
        }

        return ledger;
    }

    public LearnerProgress? Progress(Curriculum.Model.Course course) =>
        Enrollment is null ? null : ProgressCalculator.Calculate(course, Enrollment, Events);

    private void Apply(LearnerEvent entry)
    {
        var data = Progression.LearnerEventData.Object(entry);
        switch (entry.Kind)
        {
            case LearnerEventKinds.Enrolled when Enrollment is null && data is not null:
                Enrollment = new Enrollment(
                    (string?)data["login"] ?? "", Repository, (string?)data["path"] ?? "", (string?)data["pace"] ?? "",
                    DateOnly.TryParse((string?)data["start"], System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : DateOnly.FromDateTime(entry.At.UtcDateTime),
                    (string?)data["cohort"]);
                Installation = (long?)data["installation"] ?? 0;
                if ((string?)data["origin"] is { } origin && origin.LastIndexOf('#') is > 0 and var hash
                    && int.TryParse(origin[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var originIssue))
                {
                    Origin = (origin[..hash], originIssue);
                }

                break;
            case LedgerKinds.Repository:
                RepositoryUrl = (string?)data?["html_url"];
                RepositoryId = Long(data, "id");
                RepositoryOwnerId = Long(data, "owner_id");
                Setup.Add("repository");
                break;
            case LedgerKinds.Setup:
                Setup.Add(entry.Subject);
                if (entry.Subject.StartsWith("milestone:", StringComparison.Ordinal) && Long(data, "number") is { } milestone)
                {
                    Milestones[entry.Subject["milestone:".Length..]] = (int)milestone;
                }

                break;
            case LedgerKinds.Issue when Long(data, "number") is { } number:
                ModuleIssues.TryAdd(entry.Subject, (int)number);
                break;
            case LedgerKinds.IssueState:
                IssueHashes[entry.Subject] = (string?)data?["hash"] ?? "";
                break;
            case LedgerKinds.Comment when Long(data, "id") is { } id:
                Comments[entry.Subject] = (id, (string?)data?["hash"] ?? "");
                break;
            case LedgerKinds.Files when data is not null:
                var hashes = data["hashes"]?.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal) ?? [];
                Files = new FilesState((string?)data["readme_blob"], (string?)data["readme"], hashes);
                Head = (string?)data["commit"] is { } commit && (string?)data["tree"] is { } tree ? (commit, tree) : null;
                ReadmeTouched = false;
                break;
            case LedgerKinds.Push when data is not null:
                ApplyPush(data);
                break;
            case LedgerKinds.Reply:
                Replies.Add(entry.Subject);
                break;
            case LedgerKinds.QuizStarted when data is not null && DateTimeOffset.TryParse((string?)data["deadline"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var deadline):
                QuizStarts.Add(new QuizAttempt(entry.Subject, entry.At, deadline, entry.Sequence, Long(data, "comment")));
                break;
            case LearnerEventKinds.QuizSubmitted when Long(data, "issue") is { } issue:
                GradedQuizIssues.TryAdd((int)issue, entry.Subject);
                if (Long(data, "attempt") is { } attempt)
                {
                    ConsumedAttempts.Add(attempt);
                }

                break;
        }
    }

    /// <summary>
    /// Follows the branch through pushes that continue from the head we know; a push out of order is
    /// ignored here, and a later write that finds the branch moved reads it again.
    /// </summary>
    private void ApplyPush(JsonObject data)
    {
        var before = (string?)data["before"];
        var after = (string?)data["after"];
        if (after is null)
        {
            return;
        }

        if (Head is { } head && head.Commit == after)
        {
            return; // our own commit, already known
        }

        if (Head is null || Head.Value.Commit == before)
        {
            Head = (string?)data["tree"] is { } tree ? (after, tree) : null;
        }

        if ((bool?)data["readme_touched"] == true)
        {
            ReadmeTouched = true;
        }
    }

    private static long? Long(JsonObject? data, string name) => Progression.LearnerEventData.Long(data, name);
}
