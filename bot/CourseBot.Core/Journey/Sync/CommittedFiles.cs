namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// What the bot knows of the files it keeps while it commits: the branch head, the README and its blob, a content hash per
/// file and the blob sha of the other files. Each write of a <see cref="ProgressCommitter"/> moves it on and records it.
/// </summary>
internal sealed record CommittedFiles(
    (string Commit, string Tree)? Head, string? ReadmeBlob, string? Readme,
    IReadOnlyDictionary<string, string> Hashes, IReadOnlyDictionary<string, string> Blobs)
{
    public static CommittedFiles From(LearnerLedger ledger) =>
        new(ledger.Head, ledger.Files.ReadmeBlob, ledger.Files.Readme, ledger.Files.Hashes, ledger.Files.Blobs);

    /// <summary>After <paramref name="path"/> was written: its hash and blob (for the README, its blob and text).</summary>
    public CommittedFiles With((string Commit, string Tree)? head, string path, string hash, string? blob, string? readme)
    {
        var hashes = new Dictionary<string, string>(Hashes, StringComparer.Ordinal) { [path] = hash };
        if (path == ProgressFiles.Readme)
        {
            return this with { Head = head, ReadmeBlob = blob, Readme = readme, Hashes = hashes };
        }

        var blobs = new Dictionary<string, string>(Blobs, StringComparer.Ordinal);
        if (blob is not null)
        {
            blobs[path] = blob;
        }

        return this with { Head = head, Hashes = hashes, Blobs = blobs };
    }

    /// <summary>After <paramref name="path"/> was removed (or found gone).</summary>
    public CommittedFiles Without(string path, (string Commit, string Tree)? head)
    {
        var hashes = new Dictionary<string, string>(Hashes, StringComparer.Ordinal);
        var blobs = new Dictionary<string, string>(Blobs, StringComparer.Ordinal);
        hashes.Remove(path);
        blobs.Remove(path);
        return this with { Head = head, Hashes = hashes, Blobs = blobs };
    }
}
