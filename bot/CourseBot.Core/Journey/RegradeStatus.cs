namespace CourseBot.Core.Journey;

/// <summary>What a regrade of one lab does with one learner: whether they have it open, and whether this version reached them.</summary>
public enum RegradeStatus
{
    /// <summary>Not enrolled, another cohort, or the lab's module is still locked for them.</summary>
    NotOpen,

    /// <summary>The lab is open and this hidden-test version has not been dispatched to them yet.</summary>
    Due,

    /// <summary>A regrade with this hidden-test version was dispatched already (a run again skips them).</summary>
    Done,
}
