namespace CourseBot.Core.Storage;

/// <summary>
/// One entry of a learner's append-only history (enrolled, quiz submitted, lab graded, review
/// approved, certificate issued). Progress is derived from it, so any view can be rebuilt and every
/// grade audited: the entry keeps what was decided and the evidence it was decided on.
/// </summary>
public sealed record LearnerEvent(long Sequence, string Repository, string Kind, string Subject, DateTimeOffset At, string Data);
