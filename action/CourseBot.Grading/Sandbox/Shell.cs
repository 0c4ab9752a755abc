namespace CourseBot.Grading.Sandbox;

/// <summary>Quoting for the <c>/bin/sh -c</c> command lines the grader builds from course data.</summary>
public static class Shell
{
    /// <summary>One single-quoted word, whatever <paramref name="value"/> contains.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
