using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Progression;

namespace CourseBot.Core.Journey.Writing;

/// <summary>
/// A module issue: the lesson (objectives, concepts, resources, the assessment checklist) with the
/// checklist ticked from the learner's record, then how grading works and when the module is due.
/// </summary>
public static partial class ModuleIssueWriter
{
    public static string Title(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return string.Create(CultureInfo.InvariantCulture, $"Module {module.Number:00}: {module.Title}");
    }

    public static string Labels(ModuleProgress module) => module.State switch
    {
        ModuleState.Passed => LabelNames.Passed,
        ModuleState.InProgress => LabelNames.InProgress,
        _ => LabelNames.Open,
    };

    public static string Body(Course course, ModuleProgress progress)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        var module = progress.Module;
        var lesson = module.Lesson ?? $"# {Title(module)}\n";
        // Links between lessons are relative to the curriculum folder, which the learner's repository does not have.
        lesson = RelativeLink().Replace(lesson, "$1");
        lesson = Tick(lesson, progress);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<!-- coursebot:module {module.Id} -->\n");
        body.Append(lesson.TrimEnd()).Append("\n\n---\n\n");
        body.Append("**How this module is graded.** ");
        var kinds = module.Assessments.Select(a => a.Grading).ToHashSet();
        if (kinds.Contains(Grading.Quiz))
        {
            body.Append("Quizzes: comment `/quiz` here to start one (its timer starts then), then submit the form it links to. ");
        }

        if (kinds.Contains(Grading.Auto))
        {
            body.Append(CultureInfo.InvariantCulture, $"Labs and exercises: push your code in `labs/{module.Id}/`; every push is graded and your results appear in a comment below. ");
        }

        if (module.Capstone is { } capstone)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"Capstone: open a pull request in this repository from the template `.github/PULL_REQUEST_TEMPLATE/capstone-{capstone.Number}.md` ")
                .Append("(add `?template=").Append(CultureInfo.InvariantCulture, $"capstone-{capstone.Number}.md` to the compare page's address); ")
                .Append("an instructor reviews it against the rubric, and an approval with every criterion scored passes this module's reviews. ");
        }
        else if (kinds.Contains(Grading.Review))
        {
            body.Append("Reviews: show your work in a comment here; an instructor approves it. ");
        }

        body.Append("The boxes above tick themselves as your work is recorded; when all are ticked this issue closes and the next module opens.\n\n");
        if (progress.Capstone is { } status)
        {
            var link = status.PullRequestUrl is { } url && status.PullRequest is { } number
                ? string.Create(CultureInfo.InvariantCulture, $" · [pull request #{number}]({url})") : "";
            var review = status.ReviewUrl is { } reviewUrl ? $" · [review]({reviewUrl})" : "";
            body.Append("**Capstone review:** ").Append(Capstones.CapstoneStatusText.Describe(status)).Append(link).Append(review).Append("\n\n");
        }

        if (progress.Due is { } due)
        {
            body.Append(CultureInfo.InvariantCulture, $"**Due:** {due.DueOn:yyyy-MM-dd} ({due.Title}) · ");
        }

        body.Append("**Commands:** `/help` · `/quiz` · `/recheck`\n");
        return body.ToString();
    }

    private static string Tick(string lesson, ModuleProgress progress)
    {
        var lines = lesson.Split('\n');
        foreach (var assessment in progress.Assessments)
        {
            var marker = $"**{assessment.Assessment.Title}**";
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("- [", StringComparison.Ordinal) && line.Length > 6 && line.AsSpan(6).StartsWith(marker, StringComparison.Ordinal))
                {
                    lines[i] = (assessment.Done ? "- [x] " : "- [ ] ") + line[6..];
                    break;
                }
            }
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\[([^\]]+)\]\((?:\.\./|\./)[^)\s]*\)")]
    private static partial Regex RelativeLink();
}

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
