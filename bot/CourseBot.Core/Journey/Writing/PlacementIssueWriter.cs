using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Quizzes;

namespace CourseBot.Core.Journey.Writing;

/// <summary>The issue a learner who starts at a later path gets first: how to show the "equivalent knowledge" the path asks for.</summary>
public static class PlacementIssueWriter
{
    public static string Body(Course course, PlacementQuiz placement)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(placement);
        var path = placement.Path;
        var before = string.Join(
            " and ",
            path.Prerequisites.Paths.Select(p => course.FindPath(p) is { } found ? $"Path {found.Number} ({found.Title})" : p));
        var choice = string.Create(CultureInfo.InvariantCulture,
            $"You chose to start here with {path.Prerequisites.Alternative}: show it, and Path {path.Number}'s first module opens.");
        var quiz = string.Create(CultureInfo.InvariantCulture,
            $"{placement.Quiz.Questions.Length} questions drawn from the module quizzes of {before}, "
            + $"{placement.Assessment.TimeLimitMinutes} minutes, pass mark {placement.Assessment.PassPercent} %.");
        var instead = $"If you would rather study {before} first, tell your instructor.";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <!-- coursebot:placement {path.Id} -->
            # Placement for Path {path.Number}: {path.Title}

            Path {path.Number} builds on {before}. {choice}

            - [ ] **{placement.Assessment.Title}**: {quiz} Comment `/quiz` here to start it (its timer starts then).

            Or ask an instructor to place you: they comment `/place {path.Id}` here. {instead}
            """);
    }
}
