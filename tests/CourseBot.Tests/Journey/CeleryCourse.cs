using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Validation;

namespace CourseBot.Tests.Journey;

/// <summary>The real Celery course, loaded and validated once for the journey tests.</summary>
internal static class CeleryCourse
{
    private static readonly Lazy<Course> Loaded = new(() =>
    {
        var report = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum);
        Assert.True(report.IsValid, string.Join('\n', report.Diagnostics));
        return report.Course!;
    });

    public static Course Course => Loaded.Value;
}
