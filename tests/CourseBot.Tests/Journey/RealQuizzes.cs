using CourseBot.Core.Curriculum.Validation;

namespace CourseBot.Tests.Journey;

/// <summary>Every quiz and exam of the real course in curriculum/, loaded once, by quiz key.</summary>
internal static class RealQuizzes
{
    private static readonly Lazy<IReadOnlyDictionary<string, RealQuiz>> All = new(Load);

    public static IReadOnlyDictionary<string, RealQuiz> ByKey => All.Value;

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var key in ByKey.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(key);
        }

        return data;
    }

    private static Dictionary<string, RealQuiz> Load()
    {
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course
            ?? throw new InvalidOperationException("the real curriculum does not load");
        var quizzes = new Dictionary<string, RealQuiz>(StringComparer.Ordinal);
        foreach (var module in course.Modules)
        {
            foreach (var quiz in module.Quizzes)
            {
                var assessment = module.Assessments.Single(a => a.Id == quiz.AssessmentId);
                quizzes.Add($"{module.Id}/{assessment.Id}", new RealQuiz(module, assessment, quiz));
            }
        }

        return quizzes;
    }
}
