namespace CourseBot.Core.Curriculum.Model;

/// <summary>Who decides the result: the grading Action (<c>auto</c>), the bot's quiz grader (<c>quiz</c>), or an instructor
/// (<c>review</c>).</summary>
public enum Grading
{
    /// <summary>The file named a grading that does not exist (already reported); rules skip it.</summary>
    Unknown,
    Auto,
    Quiz,
    Review,
}
