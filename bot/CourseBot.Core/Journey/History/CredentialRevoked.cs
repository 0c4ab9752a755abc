using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// An instructor revoked a credential (<c>coursebot credential revoke</c>); subject: the credential's short id. Recorded in the
/// credential register; the revocation list, the public page and <c>coursebot credential verify</c> read it from there.
/// </summary>
public sealed record CredentialRevoked(string Reason, string? By) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.CredentialRevoked;
}
