using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>
/// <c>grades/NAME.csv</c> (RFC 4180, comma, CRLF-free, one row per learner by login). Fixed columns, then two per course
/// module with a quiz or a lab, in module order: <c>mNN_quiz</c> (best counted quiz percentage), <c>mNN_lab</c> (best lab
/// points as a percentage of their maximum) and <c>mNN_lab_tests</c> (the hidden tests' version that graded that lab result,
/// so a regrade's progress shows); empty where nothing was recorded. The README lists the columns.
/// </summary>
public static class GradesCsvWriter
{
    public static readonly IReadOnlyList<string> FixedColumns =
    [
        "login", "repository", "cohort", "path", "pace", "start", "current_module", "due_on", "days_behind", "last_activity",
        "modules_passed", "modules_total", "capstones_approved", "certificates",
    ];

    public static string Write(Course course, CohortView cohort)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cohort);
        var quizzes = course.Modules.Where(m => m.Assessments.Any(a => a.Grading == Grading.Quiz)).Select(m => m.Number).ToHashSet();
        var labs = course.Modules.Where(m => m.Assessments.Any(a => a.Grading == Grading.Auto)).Select(m => m.Number).ToHashSet();
        var graded = course.Modules.Select(m => m.Number).Where(n => quizzes.Contains(n) || labs.Contains(n)).Order().ToList();
        var header = FixedColumns.ToList();
        foreach (var number in graded)
        {
            if (quizzes.Contains(number))
            {
                header.Add(string.Create(CultureInfo.InvariantCulture, $"m{number:00}_quiz"));
            }

            if (labs.Contains(number))
            {
                header.Add(string.Create(CultureInfo.InvariantCulture, $"m{number:00}_lab"));
                header.Add(string.Create(CultureInfo.InvariantCulture, $"m{number:00}_lab_tests"));
            }
        }

        var text = new StringBuilder().Append(string.Join(',', header)).Append('\n');
        foreach (var l in cohort.Learners)
        {
            var row = new List<string>
            {
                l.Login, l.Repository, l.Cohort, l.PathId, l.PaceId, Day(l.Start), l.CurrentModule ?? "", l.DueOn is { } d ? Day(d) : "",
                Int(l.DaysBehind), l.LastActivity?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "",
                Int(l.ModulesPassed), Int(l.ModulesTotal), Int(l.Capstones.Count(c => c.State == Journey.Capstones.CapstoneState.Approved)),
                string.Join(' ', l.Certificates),
            };
            foreach (var number in graded)
            {
                var score = l.Scores.FirstOrDefault(s => s.Number == number);
                if (quizzes.Contains(number))
                {
                    row.Add(score?.QuizPercent is { } q ? DashboardFormat.Number(q) : "");
                }

                if (labs.Contains(number))
                {
                    row.Add(score is { LabScore: { } s, LabMax: > 0 and var max } ? DashboardFormat.Number(100 * s / max) : "");
                    row.Add(score?.LabHiddenVersion ?? "");
                }
            }

            text.Append(string.Join(',', row.Select(Field))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Quoted when it holds a comma, quote or line break; text a spreadsheet would run as a formula (learner text starting with
    /// <c>= + - @</c>, tab or CR) is prefixed with an apostrophe, as OWASP's CSV-injection advice says.
    /// </summary>
    internal static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
