namespace CourseBot.Core.Curriculum.Model;

public enum AssessmentKind
{
    /// <summary>The file named a kind that does not exist (already reported); rules skip it.</summary>
    Unknown,
    Quiz,
    Exam,
    KnowledgeCheck,
    Lab,
    Exercise,
    Project,
    CodeReview,
    Demo,
    Review,
    Survey,
}
