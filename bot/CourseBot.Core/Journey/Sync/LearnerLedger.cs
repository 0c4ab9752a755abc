using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Sync;

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
        Decoded = DecodedEvent.Of(events);
    }

    public string Repository { get; }

    public IReadOnlyList<LearnerEvent> Events { get; }

    /// <summary>
    /// <see cref="Events"/> (same order) with each entry's data decoded once, shared by the ledger, progress and the views
    /// built on it.
    /// </summary>
    public IReadOnlyList<DecodedEvent> Decoded { get; }

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

    /// <summary>The due date each milestone was last given on GitHub, by title (absent for milestones recorded without one).</summary>
    public Dictionary<string, DateOnly> MilestoneDueDates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ModuleIssues { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> IssueHashes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (long Id, string Hash)> Comments { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Replies { get; } = new(StringComparer.Ordinal);

    /// <summary>An instructor unenrolled the learner: the repository is archived and nothing more is written to it.</summary>
    public bool Unenrolled { get; private set; }

    /// <summary>Overdue reminders posted (<c>module-id:threshold</c>).</summary>
    public HashSet<string> Reminders { get; } = new(StringComparer.Ordinal);

    /// <summary>When the bot last committed the progress files (the README's overdue marks were right as of that day).</summary>
    public DateTimeOffset? FilesCommittedAt { get; private set; }

    public FilesState Files { get; private set; } = new(null, null, new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>The default branch's head commit and its tree, when known from our last commit or a push webhook in sequence.</summary>
    public (string Commit, string Tree)? Head { get; private set; }

    /// <summary>A push since our last write changed README.md: its content must be read before it is rewritten.</summary>
    public bool ReadmeTouched { get; private set; }

    public List<QuizAttempt> QuizStarts { get; } = [];

    /// <summary>Quiz attempts (their start's sequence) that a submission has used.</summary>
    public HashSet<long> ConsumedAttempts { get; } = [];

    /// <summary>The started attempt of a quiz no submission has used yet, if any.</summary>
    public QuizAttempt? OpenAttempt(string key) =>
        QuizStarts.Where(a => a.Key == key && !ConsumedAttempts.Contains(a.Sequence)).MaxBy(a => a.Sequence);

    /// <summary>Quiz issues already graded (issue number -> subject).</summary>
    public Dictionary<int, string> GradedQuizIssues { get; } = [];

    /// <summary>Certificate key -> its signed credential, as issued (the first one stands; see <see cref="CredentialIssued"/>).</summary>
    public Dictionary<string, CredentialIssued> Credentials { get; } = new(StringComparer.Ordinal);

    public string Owner => Repository.Split('/')[0];

    public string Name => Repository.Split('/')[1];

    /// <summary>Whether a grading result for commit <paramref name="sha"/> was recorded.</summary>
    public bool HasResultFor(string sha) =>
        Decoded.Any(e => string.Equals(e.Read<LabGraded>()?.Sha, sha, StringComparison.OrdinalIgnoreCase));

    public string? ModuleForIssue(int number) => ModuleIssues.FirstOrDefault(m => m.Value == number).Key;

    public static LearnerLedger From(string repository, IReadOnlyList<LearnerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ledger = new LearnerLedger(repository, events);
        foreach (var entry in ledger.Decoded.OrderBy(e => e.Sequence))
        {
            ledger.Apply(entry);
        }

        return ledger;
    }

    public LearnerProgress? Progress(Curriculum.Model.Course course) =>
        Enrollment is null ? null : ProgressCalculator.Calculate(course, Enrollment, Decoded);

    private void Apply(DecodedEvent entry)
    {
        switch (entry.Data)
        {
            case Enrolled enrolled when Enrollment is null:
                Enroll(enrolled, entry.At);
                break;
            case RepositoryCreated created:
                RepositoryUrl = created.HtmlUrl;
                RepositoryId = created.Id;
                RepositoryOwnerId = created.OwnerId;
                Setup.Add("repository");
                break;
            case SetupDone done:
                Setup.Add(entry.Subject);
                if (entry.Subject.StartsWith("milestone:", StringComparison.Ordinal) && done.Number is { } milestone)
                {
                    Milestones[entry.Subject["milestone:".Length..]] = milestone;
                    if (done.DueOn is { } dueOn)
                    {
                        MilestoneDueDates[entry.Subject["milestone:".Length..]] = dueOn;
                    }
                }

                break;
            case ModuleIssueOpened { Number: { } number }:
                ModuleIssues.TryAdd(entry.Subject, number);
                break;
            case ModuleIssueWritten written:
                IssueHashes[entry.Subject] = written.Hash ?? "";
                break;
            case ResultsCommentWritten { Id: { } id } comment:
                Comments[entry.Subject] = (id, comment.Hash ?? "");
                break;
            case FilesCommitted files:
                Files = new FilesState(files.ReadmeBlob, files.Readme, files.Hashes ?? new Dictionary<string, string>(),
                    files.Blobs ?? new Dictionary<string, string>());
                FilesCommittedAt = entry.At;
                Head = files.Commit is { } commit && files.Tree is { } tree ? (commit, tree) : null;
                ReadmeTouched = false;
                break;
            case PushSeen push:
                ApplyPush(push);
                break;
            case ReplyPosted:
                Replies.Add(entry.Subject);
                break;
            case CohortMoved moved when Enrollment is not null:
                Enrollment = Enrollment with { Cohort = moved.Cohort };
                break;
            case History.Unenrolled:
                Unenrolled = true;
                break;
            case CredentialIssued credential:
                Credentials.TryAdd(entry.Subject, credential);
                break;
            case DeadlineReminderPosted:
                Reminders.Add(entry.Subject);
                break;
            case QuizStarted { Deadline: { } deadline } started:
                QuizStarts.Add(new QuizAttempt(entry.Subject, entry.At, deadline, entry.Sequence, started.Comment, started.Shuffle));
                break;
            case QuizSubmitted { Issue: { } issue } submitted:
                GradedQuizIssues.TryAdd(issue, entry.Subject);
                if (submitted.Attempt is { } attempt)
                {
                    ConsumedAttempts.Add(attempt);
                }

                break;
        }
    }

    private void Enroll(Enrolled enrolled, DateTimeOffset at)
    {
        Enrollment = new Enrollment(
            enrolled.Login ?? "", Repository, enrolled.Path ?? "", enrolled.Pace ?? "",
            enrolled.Start ?? DateOnly.FromDateTime(at.UtcDateTime), enrolled.Cohort);
        Installation = enrolled.Installation ?? 0;
        if (enrolled.Origin is { } origin && origin.LastIndexOf('#') is > 0 and var hash
            && int.TryParse(origin[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var originIssue))
        {
            Origin = (origin[..hash], originIssue);
        }
    }

    /// <summary>
    /// Follows the branch through pushes that continue from the head we know; a push out of order is
    /// ignored here, and a later write that finds the branch moved reads it again.
    /// </summary>
    private void ApplyPush(PushSeen push)
    {
        if (push.After is not { } after)
        {
            return;
        }

        if (Head is { } head && head.Commit == after)
        {
            return; // our own commit, already known
        }

        if (Head is null || Head.Value.Commit == push.Before)
        {
            Head = push.Tree is { } tree ? (after, tree) : null;
        }

        if (push.ReadmeTouched)
        {
            ReadmeTouched = true;
        }
    }
}
