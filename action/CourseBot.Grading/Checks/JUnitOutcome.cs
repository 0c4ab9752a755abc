namespace CourseBot.Grading.Checks;

public enum JUnitOutcome
{
    Passed,
    Failed,
    Error,
    Skipped,
}
