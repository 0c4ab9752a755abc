using System.Globalization;
using System.Text.Json;
using CourseBot.Core.Curriculum.Validation;

namespace CourseBot.Cli.Commands;

/// <summary>Writes a validation report for people (text) or programs (JSON).</summary>
internal static class CurriculumReportWriter
{
    public static void WriteText(CurriculumReport report, string root, TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (report.Summary is { } s)
        {
            output.WriteLine(string.Create(invariant, $"Curriculum '{s.Id}' {s.Version}: {s.Title} ({root})"));
            output.WriteLine(
                string.Create(invariant, $"  {Count(s.Paths, "path")}, {Count(s.Tracks, "track")}, {Count(s.Modules, "module")}")
            );
            output.WriteLine(
                string.Create(
                    invariant,
                    $"  {Count(s.ModuleQuizzes, "module quiz", "module quizzes")} declaring {Count(s.ModuleQuizQuestions, "question")}"
                )
            );
            foreach (var exam in s.Exams)
            {
                output.WriteLine(
                    string.Create(
                        invariant,
                        $"  exam '{exam.Title}' ({exam.Module}): {exam.Questions} questions, pass at {exam.PassPercent} %"
                    )
                );
            }

            var declared = s.ModuleQuizzes + s.Exams.Length;
            output.WriteLine(
                string.Create(
                    invariant,
                    $"  quiz content written for {s.QuizzesWithContent} of {declared} quizzes and exams "
                    + $"({Count(s.ContentQuestions, "question")} with keys)"
                )
            );
            output.WriteLine(
                string.Create(invariant, $"  {Count(s.Labs, "lab")}, {Count(s.Exercises, "exercise")}, {Count(s.Capstones, "capstone")}")
            );
            output.WriteLine(
                string.Create(invariant, $"  {Count(s.CertificationLevels, "certification level")}, {Count(s.Paces, "pace")}")
            );
        }

        if (!report.LabPackages.IsEmpty)
        {
            var union = report.LabPackages.SelectMany(l => l.Packages).Distinct(StringComparer.Ordinal).Count();
            output.WriteLine(string.Create(invariant, $"  Debian packages the grading job installs per lab ({union} in all):"));
            foreach (var lab in report.LabPackages)
            {
                output.WriteLine($"    {lab.Key}: {string.Join(' ', lab.Packages)}");
            }
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        output.WriteLine(report.IsValid
            ? "Valid: no problems found."
            : $"Invalid: {Count(report.Diagnostics.Length, "error")}.");
    }

    private static string Count(int n, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? singular : plural ?? singular + "s")}");

    public static void WriteJson(CurriculumReport report, string root, TextWriter output)
    {
        var json = new JsonReport(
            root,
            report.IsValid,
            report.Summary,
            report.LabPackages.Select(l => new JsonLabPackages(l.Key, [.. l.Packages])).ToList(),
            report
                .Diagnostics.Select(d => new JsonDiagnostic(d.Location.File, d.Location.Line, d.Location.Column, d.Field, d.Message))
                .ToList()
        );
        output.WriteLine(JsonSerializer.Serialize(json, ReportJsonContext.Default.JsonReport));
    }
}
