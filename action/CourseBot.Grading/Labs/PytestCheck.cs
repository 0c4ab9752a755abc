using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Grading.Labs;

/// <summary>
/// Hidden pytest tests. <c>celery</c> tests run as the grader's user and never import learner code;
/// <c>white-box</c> tests import it and so run as the learner user, and are labelled as such.
/// </summary>
public sealed record PytestCheck(
    string Name,
    int Points,
    string? Hint,
    SourceLocation Location,
    string TestFile,
    bool WhiteBox,
    TimeSpan Timeout) : CheckDefinition(Name, Points, Hint, Location)
{
    public override string Kind => WhiteBox ? "white-box" : "celery";
}
