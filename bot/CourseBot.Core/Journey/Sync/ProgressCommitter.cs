using System.Net;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Writing;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// Commits the progress files that changed, and removes the ones the bot no longer keeps, with as few calls as the
/// situation allows:
/// <list type="bullet">
/// <item>nothing changed: no call;</item>
/// <item>one file changed (the README section, or one other file such as the form of a quiz attempt just started) and
/// the bot knows its blob (or it is new): one Contents API write (a conflict means the file moved, and the Git Data
/// path below takes over);</item>
/// <item>otherwise the Git Data API: a tree on the known head's tree, a commit, a fast-forward-only ref
/// update (three calls), reading the head and README first only when the bot does not know them;</item>
/// <item>each file removed (the form of an attempt that ended): one Contents API delete, with the blob sha the bot
/// computed when it wrote the file (read first only for files written before blobs were recorded). A Git Data tree
/// cannot drop a path through Octokit, which leaves out a tree entry's <c>sha: null</c> (octokit.net#2836).</item>
/// </list>
/// Commit messages start with <c>coursebot:</c>, which the grading workflow skips.
/// </summary>
public sealed partial class ProgressCommitter(IGitHubClient github, LearnerLedger ledger, LearnerRecorder recorder, ILogger logger)
{
    public const string Message = "coursebot: update progress";
    public const string RemoveMessage = "coursebot: remove a closed quiz form";
    private const string Branch = "main";

    private CommittedFiles _state = CommittedFiles.From(ledger);

    public async Task CommitAsync(ProgressFiles files, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sectionHash = ContentHash.Of(files.Section);
        var changed = files.Others.Where(f => _state.Hashes.GetValueOrDefault(f.Key) != ContentHash.Of(f.Value))
            .Select(f => f.Key).ToList();
        var readmeChanged = _state.Hashes.GetValueOrDefault(ProgressFiles.Readme) != sectionHash;
        var removed = _state.Hashes.Keys.Where(p => p != ProgressFiles.Readme && !files.Others.ContainsKey(p))
            .Order(StringComparer.Ordinal).ToList();
        if (readmeChanged || changed.Count > 0)
        {
            await WriteAsync(files, sectionHash, changed, readmeChanged, cancel).ConfigureAwait(false);
        }

        foreach (var path in removed)
        {
            await RemoveAsync(path, cancel).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(
        ProgressFiles files, string sectionHash, List<string> changed, bool readmeChanged, CancellationToken cancel)
    {
        var stale = false;
        if (changed.Count == 0 && _state.ReadmeBlob is { } blob && _state.Readme is { } readme && !ledger.ReadmeTouched)
        {
            var content = MarkedSection.Replace(readme, files.Section);
            if (await TryContentsWriteAsync(ProgressFiles.Readme, content, blob, sectionHash, cancel).ConfigureAwait(false))
            {
                return;
            }

            stale = true; // README.md changed in a push the bot has not heard of: what it knows is out of date
        }
        else if (changed is [var path] && !readmeChanged && (!_state.Hashes.ContainsKey(path) || _state.Blobs.ContainsKey(path)))
        {
            var content = files.Others[path];
            var known = _state.Blobs.GetValueOrDefault(path);
            if (await TryContentsWriteAsync(path, content, known, ContentHash.Of(content), cancel).ConfigureAwait(false))
            {
                return;
            }

            stale = true;
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

    /// <summary>One file written with the Contents API: created when <paramref name="blob"/> is null, else updated from it.</summary>
    private async Task<bool> TryContentsWriteAsync(string path, string content, string? blob, string hash, CancellationToken cancel)
    {
        try
        {
            var contents = github.Repository.Content;
            var result = blob is null
                ? await contents
                    .CreateFile(ledger.Owner, ledger.Name, path, new CreateFileRequest(Message, content, Branch))
                    .ConfigureAwait(false)
                : await contents
                    .UpdateFile(ledger.Owner, ledger.Name, path, new UpdateFileRequest(Message, content, blob, Branch))
                    .ConfigureAwait(false);
            var head = result.Commit.Tree?.Sha is { } tree ? (result.Commit.Sha, tree) : ((string, string)?)null;
            _state = path == ProgressFiles.Readme
                ? _state.With(head, path, hash, result.Content.Sha, content)
                : _state.With(head, path, hash, result.Content.Sha ?? GitBlob.Sha(content), readme: null);
            await RecordAsync(cancel).ConfigureAwait(false);
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
        var head = fresh ? null : _state.Head;
        if (head is null)
        {
            var commit = await github.Repository.Commit.Get(ledger.Owner, ledger.Name, Branch).ConfigureAwait(false);
            head = (commit.Sha, commit.Commit.Tree.Sha);
        }

        var readme = _state.Readme;
        if (readmeChanged && (fresh || readme is null || ledger.ReadmeTouched || _state.Head is null))
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
        var state = _state with { Head = (created.Sha, createdTree.Sha) };
        foreach (var path in changed)
        {
            state = state.With(state.Head, path, ContentHash.Of(files.Others[path]), GitBlob.Sha(files.Others[path]), readme: null);
        }

        if (readmeChanged)
        {
            var readmeBlob = createdTree.Tree.FirstOrDefault(t => t.Path == ProgressFiles.Readme)?.Sha;
            state = state.With(state.Head, ProgressFiles.Readme, sectionHash, readmeBlob, newReadme);
        }

        _state = state;
        await RecordAsync(cancel).ConfigureAwait(false);
        LogCommitted(logger, ledger.Repository, created.Sha, changed.Count + (readmeChanged ? 1 : 0));
    }

    /// <summary>Removes a file the bot wrote and no longer keeps; one that is gone already is forgotten.</summary>
    private async Task RemoveAsync(string path, CancellationToken cancel)
    {
        var blob = _state.Blobs.GetValueOrDefault(path) ?? await CurrentBlobAsync(path).ConfigureAwait(false);
        RepositoryContentChangeSet? result = null;
        for (var attempt = 1; blob is not null; attempt++)
        {
            try
            {
                // Octokit's DeleteFile returns nothing; the same DELETE through its connection returns the commit (the head stays known).
                var uri = ApiUrls.RepositoryContent(ledger.Owner, ledger.Name, path);
                result = await new ApiConnection(github.Connection)
                    .Delete<RepositoryContentChangeSet>(uri, new DeleteFileRequest(RemoveMessage, blob, Branch)).ConfigureAwait(false);
                break;
            }
            catch (NotFoundException)
            {
                break; // removed already (by the learner, or by an attempt that died before recording it)
            }
            catch (ApiException ex) when (attempt == 1 && ex.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
            {
                blob = await CurrentBlobAsync(path).ConfigureAwait(false); // the learner changed it: remove what is there now
            }
        }

        var head = result?.Commit is { Sha: { } commit, Tree.Sha: { } tree } ? (commit, tree) : ((string, string)?)null;
        _state = _state.Without(path, head ?? (result is null ? _state.Head : null));
        await RecordAsync(cancel).ConfigureAwait(false);
        LogRemoved(logger, ledger.Repository, path);
    }

    private async Task<string?> CurrentBlobAsync(string path)
    {
        try
        {
            var contents = await github.Repository.Content.GetAllContentsByRef(ledger.Owner, ledger.Name, path, Branch)
                .ConfigureAwait(false);
            return contents.Count == 1 ? contents[0].Sha : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
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

    private Task<Storage.LearnerEvent> RecordAsync(CancellationToken cancel)
    {
        // Sorted, so the same files are recorded the same way whatever order they were hashed in.
        var hashes = new SortedDictionary<string, string>(_state.Hashes.ToDictionary(), StringComparer.Ordinal);
        var blobs = new SortedDictionary<string, string>(_state.Blobs.ToDictionary(), StringComparer.Ordinal);
        var files = new FilesCommitted(_state.Head?.Commit, _state.Head?.Tree, _state.ReadmeBlob, _state.Readme, hashes, blobs);
        return recorder.RecordAsync("", files, cancel);
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

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Removed {Path} from {Repository}")]
    private static partial void LogRemoved(ILogger logger, string repository, string path);
}
