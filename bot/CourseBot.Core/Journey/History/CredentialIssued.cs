using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// A certificate issued as a signed Open Badges 3.0 credential; subject: the certificate's key (its level). The signed VC-JWT is
/// kept whole: an ES256 signature differs on every signing, so the file in the learner's repository and the public page re-serve
/// this one instead of signing again. Written twice: in the learner's history, and (with <see cref="Repository"/> set) in the
/// credential register the public endpoints look ids up in (<see cref="OpenBadges.CredentialRegister"/>).
/// </summary>
/// <param name="Id">The short id, the last segment of <paramref name="Url"/>.</param>
/// <param name="Url">The credential's id and public verification page.</param>
/// <param name="Title">The certificate's title, for the README and the share link.</param>
/// <param name="IssuerName">The issuing organisation, for the share link.</param>
/// <param name="Issued">When the certificate was earned (the credential's validFrom).</param>
/// <param name="Jwt">The VC-JWT as signed.</param>
/// <param name="Repository">In the register only: whose credential it is.</param>
public sealed record CredentialIssued(
    string Id, string Url, string Title, string IssuerName, DateTimeOffset Issued, string Jwt, string? Repository = null)
    : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.CredentialIssued;
}
