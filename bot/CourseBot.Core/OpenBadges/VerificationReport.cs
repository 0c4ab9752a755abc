namespace CourseBot.Core.OpenBadges;

/// <summary>What <see cref="CredentialVerifier"/> checked, one line per check in words, and whether every check held.</summary>
public sealed class VerificationReport
{
    private readonly List<(bool Passed, string Text)> _checks = [];

    public IReadOnlyList<(bool Passed, string Text)> Checks => _checks;

    public bool IsValid => _checks.Count > 0 && _checks.All(c => c.Passed);

    /// <summary>Set when the credential is on its issuer's revocation list.</summary>
    public bool IsRevoked { get; private set; }

    public void Pass(string text) => _checks.Add((true, text));

    public void Fail(string text) => _checks.Add((false, text));

    public void Revoked(string text)
    {
        IsRevoked = true;
        Fail(text);
    }
}
