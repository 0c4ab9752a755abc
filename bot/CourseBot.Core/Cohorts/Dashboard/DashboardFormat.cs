using System.Globalization;
using CourseBot.Core.Journey.Writing;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>How the dashboard's Markdown writes dates, scores and learner links (learner text escaped).</summary>
internal static class DashboardFormat
{
    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    public static string Date(DateTimeOffset? at) => at is { } a ? Date(DateOnly.FromDateTime(a.UtcDateTime)) : "–";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Module(CourseBot.Core.Curriculum.Model.Course course, string? id) =>
        id is null ? "all passed" : course.FindModule(id) is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"{m.Number:00} {MarkdownText.Cell(m.Title, 60)}")
            : MarkdownText.Cell(id, 60);

    /// <summary>The login linked to the learner's repository (the URL GitHub gave at creation, never learner text).</summary>
    public static string Learner(CohortLearner learner) =>
        learner.RepositoryUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? $"[{MarkdownText.Cell(learner.Login, 40)}]({uri.AbsoluteUri})"
            : MarkdownText.Cell(learner.Login, 40);

    /// <summary>The learner's mean best quiz percentage over the modules with a counted quiz.</summary>
    public static string QuizMean(CohortLearner learner)
    {
        var quizzes = learner.Scores.Where(s => s.QuizPercent is not null).Select(s => s.QuizPercent!.Value).ToList();
        return quizzes.Count == 0 ? "–" : Number(quizzes.Average()) + " %";
    }

    /// <summary>Best lab points over every graded lab, as a percentage of their maximum.</summary>
    public static string LabPercent(CohortLearner learner)
    {
        var max = learner.Scores.Sum(s => s.LabMax ?? 0);
        return max <= 0 ? "–" : Number(100 * learner.Scores.Sum(s => s.LabScore ?? 0) / max) + " %";
    }
}
