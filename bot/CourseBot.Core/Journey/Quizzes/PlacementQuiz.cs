using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// The placement quiz of a path whose prerequisites allow "OR equivalent knowledge": questions
/// drawn from the module quizzes of the path(s) it builds on (the first <see cref="PerModule"/> of
/// each, in course order), so a learner who knows that material shows it on the same questions a
/// learner who studied it answered. It is graded like any quiz, at the module pass mark.
/// </summary>
public sealed record PlacementQuiz(LearningPath Path, Module Module, Assessment Assessment, Quiz Quiz)
{
    public const string AssessmentId = "placement";
    public const int PerModule = 2;

    public string Key => $"{Module.Id}/{AssessmentId}";

    public static string ModuleId(string pathId) => $"placement-{pathId}";

    /// <summary>The placement quiz for <paramref name="path"/>, or null when it has no alternative or nothing to draw from.</summary>
    public static PlacementQuiz? For(Course course, LearningPath path)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Prerequisites.Alternative is null || path.Prerequisites.Paths.IsEmpty)
        {
            return null;
        }

        var sources = path.Prerequisites.Paths.Select(course.FindPath).OfType<LearningPath>()
            .SelectMany(p => p.AllModules).Select(course.FindModule).OfType<Module>();
        var questions = sources
            .SelectMany(m => m.Quizzes.Where(q => m.Assessments.Any(a => a.Id == q.AssessmentId && a.Kind == AssessmentKind.Quiz)).Take(1))
            .SelectMany(q => q.Questions.Take(PerModule))
            .ToImmutableArray();
        var first = path.AllModules.Select(course.FindModule).OfType<Module>().FirstOrDefault();
        if (questions.IsEmpty || first is null)
        {
            return null;
        }

        var minutes = Math.Max(20, questions.Length * 2);
        var assessment = new Assessment(AssessmentId, AssessmentKind.Quiz, $"Placement quiz for Path {path.Number}", Grading.Quiz,
            questions.Length, minutes, course.Passing.Module.QuizMinPercent, path.Location);
        var quiz = new Quiz(AssessmentId, questions, path.Location);
        var module = first with
        {
            Number = 0,
            Id = ModuleId(path.Id),
            Title = $"Placement for Path {path.Number}: {path.Title}",
            Assessments = [assessment],
            Quizzes = [quiz],
            Capstone = null,
            Lesson = null,
        };
        return new PlacementQuiz(path, module, assessment, quiz);
    }
}
