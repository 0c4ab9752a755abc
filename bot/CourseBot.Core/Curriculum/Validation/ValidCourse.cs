using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>The course a host runs: only one that validates, since an invalid one would give learners broken issues.</summary>
public static class ValidCourse
{
    /// <summary>Reads and validates the course in <paramref name="folder"/>; throws with every problem in the message.</summary>
    public static Course Load(string folder)
    {
        var report = CurriculumValidator.ValidateFolder(folder);
        return report.IsValid && report.Course is { } course
            ? course
            : throw new InvalidOperationException(
                $"The curriculum in '{folder}' is not valid:{Environment.NewLine}{string.Join(Environment.NewLine, report.Diagnostics)}");
    }
}
