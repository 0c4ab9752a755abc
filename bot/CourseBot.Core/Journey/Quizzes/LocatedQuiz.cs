using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// A quiz as the bot knows it by its key (<c>{module id}/{assessment id}</c>): a module's quiz or a path's placement quiz.
/// </summary>
public sealed record LocatedQuiz(Module Module, Assessment Assessment, Quiz Quiz, int PassPercent)
{
    public string Key => $"{Module.Id}/{Assessment.Id}";

    /// <summary>The form of one attempt: its options in the order the attempt's shuffle key gives.</summary>
    public QuizForm Form(string? shuffle) => QuizFormWriter.Write(Module, Assessment, Quiz, PassPercent, shuffle);
}
