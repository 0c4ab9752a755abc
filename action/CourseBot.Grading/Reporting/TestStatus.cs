namespace CourseBot.Grading.Reporting;

public static class TestStatus
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Error = "error";
}
