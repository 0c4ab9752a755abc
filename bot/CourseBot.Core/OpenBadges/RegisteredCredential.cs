using CourseBot.Core.Journey.History;

namespace CourseBot.Core.OpenBadges;

/// <summary>A credential as the register knows it: as issued, and its revocation when an instructor revoked it.</summary>
public sealed record RegisteredCredential(CredentialIssued Issued, CredentialRevoked? Revoked)
{
    public bool IsRevoked => Revoked is not null;
}
