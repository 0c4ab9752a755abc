using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum;

/// <summary>The counts an instructor checks a course by (and the validator reports).</summary>
public sealed record CourseSummary(
    string Id,
    string Title,
    string Version,
    int Paths,
    int Tracks,
    int Modules,
    int ModuleQuizzes,
    int ModuleQuizQuestions,
    ImmutableArray<ExamSummary> Exams,
    int Labs,
    int Exercises,
    int Capstones,
    int CertificationLevels,
    int Paces,
    int QuizzesWithContent,
    int ContentQuestions)
{
    public static CourseSummary Of(Course course)
    {
        var all = course.Modules.SelectMany(m => m.Assessments).ToList();
        var quizzes = all.Where(a => a.Kind == AssessmentKind.Quiz).ToList();
        return new CourseSummary(
            course.Id,
            course.Title,
            course.Version,
            course.Paths.Length,
            course.Tracks.Count(),
            course.Modules.Length,
            quizzes.Count,
            quizzes.Sum(q => q.Questions ?? 0),
            course
                .Modules.SelectMany(m =>
                    m.OfKind(AssessmentKind.Exam).Select(e => new ExamSummary(m.Id, e.Id, e.Title, e.Questions ?? 0, e.PassPercent ?? 0))
                )
                .ToImmutableArray(),
            all.Count(a => a.Kind == AssessmentKind.Lab),
            all.Count(a => a.Kind == AssessmentKind.Exercise),
            course.Modules.Count(m => m.Capstone is not null),
            course.Certifications.Length,
            course.Paces.Length,
            course.Modules.Sum(m => m.Quizzes.Length),
            course.Modules.Sum(m => m.Quizzes.Sum(q => q.Questions.Length)));
    }
}
