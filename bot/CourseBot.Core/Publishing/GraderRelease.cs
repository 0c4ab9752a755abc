namespace CourseBot.Core.Publishing;

/// <summary>
/// The released grader the published action downloads: its version, where its binaries are, and the
/// SHA-256 of each (the action refuses a binary whose checksum differs from the one recorded here).
/// An architecture the release has no binary for is recorded as <see cref="Unavailable"/>, which no
/// checksum equals, so the action fails closed there.
/// </summary>
public sealed record GraderRelease(string Version, Uri ReleaseUrl, string Sha256LinuxX64, string Sha256LinuxArm64)
{
    public const string Unavailable = "unavailable";
}
