using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.OpenBadges;

namespace CourseBot.Core.Journey.Writing;

/// <summary>
/// The README's progress section, written from the learner's progress only (so it is the same
/// every time it is rebuilt): a badge and a line per path, the current module, and a table of the
/// unlocked paths' modules with status, quiz and lab scores, completion and due dates.
/// </summary>
public static class ProgressReadmeWriter
{
    public static string BadgePath(string pathId) => $"badges/{pathId}.svg";

    public static string CertificatePath(EarnedCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return $"badges/certificate-{certificate.Key}.svg";
    }

    /// <param name="course">The course.</param>
    /// <param name="progress">The learner's progress.</param>
    /// <param name="issues">Module id -> the module's issue number, for links.</param>
    /// <param name="today">Today, to flag overdue modules.</param>
    /// <param name="credentials">Certificate key -> its signed credential: the badge links to its verification page.</param>
    public static string Section(Course course, LearnerProgress progress, IReadOnlyDictionary<string, int> issues, DateOnly today,
        IReadOnlyDictionary<string, CredentialIssued>? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(issues);
        var text = new StringBuilder();
        var pace = course.Paces.FirstOrDefault(p => p.Id == progress.PaceId);
        text.Append("## My progress\n\n");
        foreach (var path in progress.Paths)
        {
            var label = $"Path {path.Path.Number}: {path.Path.Title}";
            text.Append(CultureInfo.InvariantCulture, $"![{label}: {path.Passed} of {path.Total} modules]({BadgePath(path.Path.Id)}) ");
        }

        text.Append("\n\n");
        foreach (var path in progress.Paths)
        {
            var line =
                path.Unlocked || path.Passed > 0
                    ? $"{path.Passed} of {path.Total} Path {path.Path.Number} modules passed "
                        + $"{(path.Complete ? "✅" : Bar(path.Passed, path.Total))}{PeerReviewsMissing(path)}"
                : progress.PendingPlacement?.Id == path.Path.Id
                ? $"🔒 opens with your placement (the placement quiz in your Placement issue, or an instructor)"
                : $"🔒 opens when "
                    + $"{string.Join(" and ", path.Path.Prerequisites.Paths.Select(p => PathName(course, p)))} is complete";
            text.Append(CultureInfo.InvariantCulture, $"- **Path {path.Path.Number} · {path.Path.Title}**: {line}\n");
        }

        foreach (var line in new[] { NextLevelText.Competency(course, progress), NextLevelText.Next(progress) }.Where(l => l.Length > 0))
        {
            text.Append('\n').Append(line).Append('\n');
        }

        text.Append(
            CultureInfo.InvariantCulture,
            $"\nPace: **{pace?.Title ?? progress.PaceId}**, started {progress.Enrollment.Start:yyyy-MM-dd}."
        );
        if (progress.PausedSince is { } paused)
        {
            text.Append(CultureInfo.InvariantCulture, $" ⏸️ Paused since {paused:yyyy-MM-dd}: nothing is overdue until `/resume`.");
        }

        if (progress.Current is { } current)
        {
            var link = issues.TryGetValue(current.Module.Id, out var number)
                ? string.Create(CultureInfo.InvariantCulture, $" (#{number})")
                : "";
            var due = current.Due is { } d
                ? string.Create(CultureInfo.InvariantCulture, $", due {d.DueOn:yyyy-MM-dd}{Overdue(progress, current, today)}")
                : "";
            text.Append(CultureInfo.InvariantCulture, $" Now: **Module {current.Module.Number:00} · {current.Module.Title}**{link}{due}.");
        }

        text.Append("\n\n| # | Module | Status | Quiz | Labs | Passed on | Due |\n|---|---|---|---|---|---|---|\n");
        foreach (var module in progress.Modules.Where(m => progress.Paths.Any(p => p.Unlocked && p.Path.AllModules.Contains(m.Module.Id))))
        {
            var name = issues.TryGetValue(module.Module.Id, out var number)
                ? string.Create(CultureInfo.InvariantCulture, $"{module.Module.Title} (#{number})")
                : module.Module.Title;
            var quiz = module.QuizPercent is { } percent ? string.Create(CultureInfo.InvariantCulture, $"{percent:0.#} %") : "—";
            var labs = module.LabScore is { } score
                ? string.Create(CultureInfo.InvariantCulture, $"{score.Score:0.##} / {score.Max:0.##}")
                : "—";
            var passedOn = module.PassedAt is { } at ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
            var due = module.Due is { } d
                ? d.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + Overdue(progress, module, today)
                : "";
            // A capstone's review shows in its status: waiting, changes requested, or the rubric total.
            var capstone =
                module.Capstone is { } review && Capstones.CapstoneStatusText.Cell(review) is { Length: > 0 } cell ? " · " + cell : "";
            text.Append(
                CultureInfo.InvariantCulture,
                $"| {module.Module.Number:00} | {name} | {Status(module.State)}{capstone} | {quiz} | {labs} | {passedOn} | {due} |\n"
            );
        }

        if (!progress.Certificates.IsEmpty)
        {
            text.Append("\n### Certificates\n\n");
            foreach (var certificate in progress.Certificates)
            {
                var title = CertificateTitle(course, certificate);
                var badge = $"![{title}]({CertificatePath(certificate)})";
                text.Append(credentials?.GetValueOrDefault(certificate.Key) is { } linked ? $"[{badge}]({linked.Url}) " : badge + " ");
            }

            text.Append('\n');
            CredentialLines(text, progress, credentials);
        }

        text.Append("\n_Updated by CourseBot from your recorded results; edits inside this section are replaced._\n");
        return text.ToString();
    }

    /// <summary>A line per signed credential: where anyone verifies it, its file, and LinkedIn's add-to-profile link.</summary>
    private static void CredentialLines(
        StringBuilder text, LearnerProgress progress, IReadOnlyDictionary<string, CredentialIssued>? credentials)
    {
        var signed = progress.Certificates.Select(c => credentials?.GetValueOrDefault(c.Key) is { } issued ? (c.Key, issued) : default)
            .Where(c => c.issued is not null).ToList();
        if (signed.Count == 0)
        {
            return;
        }

        text.Append('\n');
        foreach (var (key, issued) in signed)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"- **{issued.Title}**: [verify]({issued.Url}) · [signed credential]({CredentialFile.PathFor(key)}) · ");
            text.Append(CultureInfo.InvariantCulture, $"[share on LinkedIn]({LinkedInShareLink.For(issued)})\n");
        }
    }

    public static string CertificateTitle(Course course, EarnedCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.PathId is { } path && course.FindPath(path) is { } found
            ? $"{certificate.Certification.Title}: Path {found.Number}, {found.Title}"
            : certificate.Certification.Title;
    }

    /// <summary>The certificate badge's right-hand side: the competency level it attests and the day it was earned.</summary>
    public static string CertificateDetail(EarnedCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var level = certificate.Competency is { } competency ? NextLevelText.Level(competency) + " · " : "";
        return string.Create(CultureInfo.InvariantCulture, $"{level}earned {certificate.At:yyyy-MM-dd}");
    }

    private static string Status(ModuleState state) => state switch
    {
        ModuleState.Passed => "✅ passed",
        ModuleState.InProgress => "🟡 in progress",
        ModuleState.Open => "🔵 open",
        _ => "🔒 locked",
    };

    private static string Overdue(LearnerProgress progress, ModuleProgress module, DateOnly today) =>
        progress.DaysOverdue(module, today) > 0 ? " ⚠️ overdue" : "";

    private static string Bar(int passed, int total)
    {
        const int Width = 12;
        var filled = total == 0 ? 0 : (int)Math.Round(Width * (double)passed / total);
        return "`" + new string('█', filled) + new string('░', Width - filled) + "`";
    }

    /// <summary>A prerequisite path as the README names it: "Path N", or its id if the course does not know it.</summary>
    private static string PathName(Course course, string pathId) =>
        course.FindPath(pathId) is { } before ? $"Path {before.Number}" : pathId;

    /// <summary>What still stands between a path whose modules are all passed and its completion: the peer reviews to give.</summary>
    private static string PeerReviewsMissing(PathProgress path) =>
        !path.Complete && path.Passed >= path.Total && path.PeerReviewsGiven < path.PeerReviewsRequired
            ? string.Create(
                CultureInfo.InvariantCulture,
                $" · peer reviews given: {path.PeerReviewsGiven} of {path.PeerReviewsRequired} (review a classmate's capstone pull request "
                + $"when asked)"
            )
            : "";
}
