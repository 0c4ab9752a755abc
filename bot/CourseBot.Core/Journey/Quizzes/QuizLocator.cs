using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>Finds a quiz by key, and its pass mark (the assessment's own, else the course's for quizzes or final exams).</summary>
public static class QuizLocator
{
    public static LocatedQuiz? Find(Course course, string? key)
    {
        ArgumentNullException.ThrowIfNull(course);
        var parts = key?.Split('/');
        if (parts is not { Length: 2 })
        {
            return null;
        }

        if (course.Paths.Select(p => PlacementQuiz.For(course, p)).FirstOrDefault(p => p?.Key == key) is { } placement)
        {
            return new LocatedQuiz(placement.Module, placement.Assessment, placement.Quiz, PassPercent(course, placement.Assessment));
        }

        if (course.Modules.FirstOrDefault(m => m.Id == parts[0]) is not { } module)
        {
            return null;
        }

        var assessment = module.Assessments.FirstOrDefault(a => a.Id == parts[1] && a.Grading == Grading.Quiz);
        var quiz = module.Quizzes.FirstOrDefault(q => q.AssessmentId == parts[1]);
        return assessment is null || quiz is null ? null : new LocatedQuiz(module, assessment, quiz, PassPercent(course, assessment));
    }

    public static int PassPercent(Course course, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.PassPercent
            ?? (assessment.Kind == AssessmentKind.Exam ? course.Passing.Path.FinalExamMinPercent : course.Passing.Module.QuizMinPercent);
    }
}
