using CourseBot.Core.Journey.Quizzes;

namespace CourseBot.Tests.Journey;

/// <summary>"Path 1 completion OR equivalent knowledge": a learner who starts at Path 2 is placed by a placement quiz (or an
/// instructor).</summary>
public sealed class PlacementQuizTests
{
    [Fact]
    public void PlacementQuiz_DrawsFromThePathsBefore_AndOnlyWhereThereIsAnAlternative()
    {
        var course = CeleryCourse.Course;
        Assert.Null(PlacementQuiz.For(course, course.FindPath("fundamentals")!));
        var professional = PlacementQuiz.For(course, course.FindPath("professional")!)!;
        var fundamentalsQuizzes = course
            .FindPath("fundamentals")!
            .Modules.Select(course.FindModule)
            .Count(m => m!.Assessments.Any(a => a.Kind == Core.Curriculum.Model.AssessmentKind.Quiz));
        Assert.Equal(fundamentalsQuizzes * PlacementQuiz.PerModule, professional.Quiz.Questions.Length);
        Assert.Equal("placement-professional/placement", professional.Key);
        Assert.Equal(80, professional.Assessment.PassPercent);
        var firstQuestion = course.FindModule("intro-distributed-processing")!.Quizzes[0].Questions[0];
        Assert.Same(firstQuestion, professional.Quiz.Questions[0]);
        var form = QuizFormWriter.Write(professional.Module, professional.Assessment, professional.Quiz);
        Assert.Equal(".github/ISSUE_TEMPLATE/quiz-00-placement.yml", form.Path);
        Assert.DoesNotContain(firstQuestion.Explanation, form.Yaml, StringComparison.Ordinal);
    }
}
