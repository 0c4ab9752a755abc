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
            body.Append(
                CultureInfo.InvariantCulture,
                $"Labs and exercises: push your code in `labs/{module.Id}/`; every push is graded and your results appear in a "
                + $"comment below. "
            );
        }

        if (module.Capstone is { } capstone)
        {
            body.Append(
                    CultureInfo.InvariantCulture,
                    $"Capstone: open a pull request in this repository from the template "
                    + $"`.github/PULL_REQUEST_TEMPLATE/capstone-{capstone.Number}.md` "
                )
                .Append("(add `?template=")
                .Append(CultureInfo.InvariantCulture, $"capstone-{capstone.Number}.md` to the compare page's address); ")
                .Append(
                    "an instructor reviews it against the rubric, and an approval with every criterion scored passes this "
                    + "module's reviews. "
                );
        }
        else if (kinds.Contains(Grading.Review))
        {
            body.Append("Reviews: show your work in a comment here; an instructor approves it. ");
        }

        body.Append(
            "The boxes above tick themselves as your work is recorded; when all are ticked this issue closes and the next module opens.\n\n"
        );
        if (progress.Capstone is { } status)
        {
            var link = status.PullRequestUrl is { } url && status.PullRequest is { } number
                ? string.Create(CultureInfo.InvariantCulture, $" · [pull request #{number}]({url})") : "";
            var review = status.ReviewUrl is { } reviewUrl ? $" · [review]({reviewUrl})" : "";
            body.Append("**Capstone review:** ")
                .Append(Capstones.CapstoneStatusText.Describe(status))
                .Append(link)
                .Append(review)
                .Append("\n\n");
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
                if (
                    line.StartsWith("- [", StringComparison.Ordinal)
                    && line.Length > 6
                    && line.AsSpan(6).StartsWith(marker, StringComparison.Ordinal)
                )
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
