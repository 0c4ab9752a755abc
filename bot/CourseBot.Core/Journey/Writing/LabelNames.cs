using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Writing;

/// <summary>The labels the bot puts on learners' issues.</summary>
public static class LabelNames
{
    public const string Bot = "coursebot";
    public const string Open = "status: open";
    public const string InProgress = "status: in progress";
    public const string Passed = "status: passed";
    public const string Quiz = "coursebot:quiz";

    public static string Path(string pathId) => $"path: {pathId}";

    public static string Module(int number) => string.Create(CultureInfo.InvariantCulture, $"module: {number:00}");

    /// <summary>Every label the bot uses in a learner repository, with colour and description.</summary>
    public static IEnumerable<(string Name, string Color, string Description)> All(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        yield return (Bot, "5319e7", "Written by CourseBot");
        yield return (Open, "c5def5", "Module open: nothing recorded yet");
        yield return (InProgress, "fbca04", "Module in progress");
        yield return (Passed, "0e8a16", "Module passed");
        yield return (Quiz, "1d76db", "A quiz attempt (graded by CourseBot)");
        foreach (var path in course.Paths)
        {
            yield return (Path(path.Id), "bfd4f2", $"Path {path.Number}: {path.Title}");
        }

        // Module labels (module: 01 ...) are not created ahead: GitHub creates a label set on an issue
        // when it does not exist yet, which saves 45 calls per learner.
    }
}
