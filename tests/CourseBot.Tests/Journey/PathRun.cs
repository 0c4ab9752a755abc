namespace CourseBot.Tests.Journey;

/// <summary>
/// What <see cref="PathScript"/> saw: Ada's pull request, her path before her own review, and the calls of each peer step.
/// </summary>
internal sealed record PathRun(
    int AdaPull,
    bool CertifiedBeforeOwnReview,
    string ReadmeBeforeOwnReview,
    CallCount Assignment,
    CallCount ReviewCounted,
    CallCount Closed
);
