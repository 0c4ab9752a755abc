namespace CourseBot.Core.Curriculum.Model;

public enum QuestionKind
{
    /// <summary>The file named a kind that does not exist (already reported); rules skip it.</summary>
    Unknown,
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    ShortAnswer,
}
