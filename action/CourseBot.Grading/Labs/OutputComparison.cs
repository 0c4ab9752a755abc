namespace CourseBot.Grading.Labs;

public enum OutputComparison
{
    Exact,
    Contains,
    Regex,
    ExitCode,
}
