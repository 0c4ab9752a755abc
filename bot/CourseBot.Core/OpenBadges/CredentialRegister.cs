using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// Every credential the bot issued and every revocation, in one history stream of the learner store (SQLite or Azure Tables,
/// whichever the host runs on), so the public endpoints find a credential by its id without reading every learner's history.
/// The stream's name, <see cref="Stream"/>, has no slash: no GitHub repository can be called that, and the reconciler, which
/// lists only enrolled repositories, never sees it.
/// </summary>
public sealed class CredentialRegister(ILearnerEvents events)
{
    public const string Stream = ".credentials";

    public Task RecordIssuedAsync(string repository, CredentialIssued credential, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return events.AppendAsync(Stream, credential.Id, credential with { Repository = repository }, cancel);
    }

    /// <summary>Records a revocation; false when no credential has that id (nothing is recorded then).</summary>
    public async Task<bool> RevokeAsync(string id, string reason, string? by, CancellationToken cancel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (await FindAsync(id, cancel).ConfigureAwait(false) is null)
        {
            return false;
        }

        await events.AppendAsync(Stream, id, new CredentialRevoked(reason.Trim(), by), cancel).ConfigureAwait(false);
        return true;
    }

    /// <summary>The credential with that short id (the latest issued under it), with its revocation if any; null when unknown.</summary>
    public async Task<RegisteredCredential?> FindAsync(string id, CancellationToken cancel)
    {
        CredentialIssued? issued = null;
        CredentialRevoked? revoked = null;
        foreach (var entry in await events.ReadAsync(Stream, cancel).ConfigureAwait(false))
        {
            if (entry.Subject != id)
            {
                continue;
            }

            switch (LearnerEventJson.Read(entry))
            {
                case CredentialIssued credential:
                    issued = credential;
                    break;
                case CredentialRevoked revocation:
                    revoked ??= revocation; // the first revocation stands: revoking again changes nothing
                    break;
            }
        }

        return issued is null ? null : new RegisteredCredential(issued, revoked);
    }

    /// <summary>Every revoked credential's URL and reason, in the order they were revoked.</summary>
    public async Task<IReadOnlyList<(string Url, string Reason)>> RevokedAsync(CancellationToken cancel)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var revoked = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in await events.ReadAsync(Stream, cancel).ConfigureAwait(false))
        {
            switch (LearnerEventJson.Read(entry))
            {
                case CredentialIssued credential:
                    urls[entry.Subject] = credential.Url;
                    break;
                case CredentialRevoked revocation when urls.TryGetValue(entry.Subject, out var url) && seen.Add(entry.Subject):
                    revoked.Add((url, revocation.Reason));
                    break;
            }
        }

        return revoked;
    }
}
