namespace CourseBot.Core.Curriculum.Model;

/// <summary>
/// How capstone reviews count. <see cref="StaleOnPush"/>: a commit pushed to the pull request after an
/// instructor's approval revokes it (a new review is needed); by default an approval stands, as the
/// learner may still tidy up after it.
/// </summary>
public sealed record CapstoneRules(bool StaleOnPush);
