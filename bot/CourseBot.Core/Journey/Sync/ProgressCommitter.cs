using System.Net;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Writing;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// Commits the progress files that changed, in one commit, with as few calls as the situation allows:
/// <list type="bullet">
/// <item>nothing changed: no call;</item>
/// <item>only the README section changed and the learner has not touched README.md since the bot's
/// last write: one Contents API update, with the blob sha the bot recorded (a conflict means the file
/// moved, and the Git Data path below takes over);</item>
/// <item>otherwise the Git Data API: a tree on the known head's tree, a commit, a fast-forward-only ref
/// update (three calls), reading the head and README first only when the bot does not know them.</item>
/// </list>
/// Commit messages start with <c>coursebot:</c>, which the grading workflow skips.
/// </summary>
public sealed partial class ProgressCommitter(IGitHubClient github, LearnerLedger ledger, LearnerRecorder recorder, ILogger logger)
{
    public const string Message = "coursebot: update progress";
    private const string Branch = "main";

    public async Task CommitAsync(ProgressFiles files, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(files);
        var known = ledger.Files;
        var sectionHash = ContentHash.Of(files.Section);
        var changed = files.Others.Where(f => known.Hashes.GetValueOrDefault(f.Key) != ContentHash.Of(f.Value)).Select(f => f.Key).ToList();
        var readmeChanged = known.Hashes.GetValueOrDefault(ProgressFiles.Readme) != sectionHash;
        if (!readmeChanged && changed.Count == 0)
        {
            return;
        }

        var stale = false;
        if (changed.Count == 0 && known.ReadmeBlob is { } blob && known.Readme is { } readme && !ledger.ReadmeTouched)
        {
            if (await TryContentsUpdateAsync(MarkedSection.Replace(readme, files.Section), blob, sectionHash, cancel).ConfigureAwait(false))
            {
                return;
            }

            stale = true; // README.md changed in a push the bot has not heard of: what it knows is out of date
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GitDataCommitAsync(files, sectionHash, changed, readmeChanged, fresh: stale || attempt > 1, cancel)
                    .ConfigureAwait(false);
                return;
            }
            catch (ApiException ex)
                when (attempt == 1
                    && !stale
                    && ex.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict or HttpStatusCode.NotFound
                )
            {
                // The branch moved since the head the bot knew (a push it has not heard of yet): read it and try once more.
                LogBranchMoved(logger, ledger.Repository, ex.StatusCode);
            }
        }
    }

    private async Task<bool> TryContentsUpdateAsync(string content, string blob, string sectionHash, CancellationToken cancel)
    {
        try
        {
            var result = await github
                .Repository.Content.UpdateFile(
                    ledger.Owner,
                    ledger.Name,
                    ProgressFiles.Readme,
                    new UpdateFileRequest(Message, content, blob, Branch)
                )
                .ConfigureAwait(false);
            var hashes = new Dictionary<string, string>(ledger.Files.Hashes, StringComparer.Ordinal)
            {
                [ProgressFiles.Readme] = sectionHash,
            };
            await RecordAsync(result.Commit.Sha, result.Commit.Tree?.Sha, result.Content.Sha, content, hashes, cancel)
                .ConfigureAwait(false);
            return true;
        }
        catch (ApiException ex)
            when (ex.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            LogBranchMoved(logger, ledger.Repository, ex.StatusCode);
            return false;
        }
    }

    private async Task GitDataCommitAsync(
        ProgressFiles files,
        string sectionHash,
        List<string> changed,
        bool readmeChanged,
        bool fresh,
        CancellationToken cancel
    )
    {
        var head = fresh ? null : ledger.Head;
        if (head is null)
        {
            var commit = await github.Repository.Commit.Get(ledger.Owner, ledger.Name, Branch).ConfigureAwait(false);
            head = (commit.Sha, commit.Commit.Tree.Sha);
        }

        var readme = ledger.Files.Readme;
        if (readmeChanged && (fresh || readme is null || ledger.ReadmeTouched || ledger.Head is null))
        {
            // Read from the branch: if it moved past the head used here, the fast-forward-only ref update fails and this runs again.
            readme = await ReadReadmeAsync(Branch).ConfigureAwait(false);
        }

        var tree = new NewTree { BaseTree = head.Value.Tree };
        string? newReadme = null;
        if (readmeChanged)
        {
            newReadme = MarkedSection.Replace(readme, files.Section);
            tree.Tree.Add(new NewTreeItem { Path = ProgressFiles.Readme, Mode = "100644", Type = TreeType.Blob, Content = newReadme });
        }

        foreach (var path in changed)
        {
            tree.Tree.Add(new NewTreeItem { Path = path, Mode = "100644", Type = TreeType.Blob, Content = files.Others[path] });
        }

        var createdTree = await github.Git.Tree.Create(ledger.Owner, ledger.Name, tree).ConfigureAwait(false);
        var created = await github
            .Git.Commit.Create(ledger.Owner, ledger.Name, new NewCommit(Message, createdTree.Sha, head.Value.Commit))
            .ConfigureAwait(false);
        await github
            .Git.Reference.Update(ledger.Owner, ledger.Name, "heads/" + Branch, new ReferenceUpdate(created.Sha, force: false))
            .ConfigureAwait(false);
        var hashes = new Dictionary<string, string>(ledger.Files.Hashes, StringComparer.Ordinal);
        foreach (var path in changed)
        {
            hashes[path] = ContentHash.Of(files.Others[path]);
        }

        if (readmeChanged)
        {
            hashes[ProgressFiles.Readme] = sectionHash;
        }

        var readmeBlob = createdTree.Tree.FirstOrDefault(t => t.Path == ProgressFiles.Readme)?.Sha;
        await RecordAsync(created.Sha, createdTree.Sha, readmeBlob, newReadme ?? readme, hashes, cancel).ConfigureAwait(false);
        LogCommitted(logger, ledger.Repository, created.Sha, changed.Count + (readmeChanged ? 1 : 0));
    }

    private async Task<string> ReadReadmeAsync(string reference)
    {
        try
        {
            var contents = await github
                .Repository.Content.GetAllContentsByRef(ledger.Owner, ledger.Name, ProgressFiles.Readme, reference)
                .ConfigureAwait(false);
            return contents.Count > 0 ? contents[0].Content ?? "" : "";
        }
        catch (NotFoundException)
        {
            return "";
        }
    }

    private Task<Storage.LearnerEvent> RecordAsync(
        string commit,
        string? tree,
        string? readmeBlob,
        string? readme,
        Dictionary<string, string> hashes,
        CancellationToken cancel
    )
    {
        // Sorted, so the same files are recorded the same way whatever order they were hashed in.
        var sorted = new SortedDictionary<string, string>(hashes, StringComparer.Ordinal);
        return recorder.RecordAsync("", new FilesCommitted(commit, tree, readmeBlob, readme, sorted), cancel);
    }

    [LoggerMessage(
        EventId = 5102,
        Level = LogLevel.Information,
        Message = "Committed progress to {Repository} at {Commit} ({Files} files)"
    )]
    private static partial void LogCommitted(ILogger logger, string repository, string commit, int files);

    [LoggerMessage(
        EventId = 5103,
        Level = LogLevel.Information,
        Message = "The default branch of {Repository} moved ({Status}); reading it again"
    )]
    private static partial void LogBranchMoved(ILogger logger, string repository, HttpStatusCode status);
}
