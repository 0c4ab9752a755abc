using System.Globalization;
using System.Text;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>
/// <c>charts/NAME-pace.svg</c>: the cohort's progress against its pace over time, one point a week from its first start to
/// today: the mean number of modules passed by that day (solid) and the mean number due by then under each learner's own
/// schedule (dashed). A solid line under the dashed one is a cohort falling behind.
/// </summary>
public static class PaceChartWriter
{
    private const int Left = 40;
    private const int Top = 30;
    private const int PlotWidth = 480;
    private const int PlotHeight = 160;

    public static string Write(CohortView cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var start = cohort.Learners.Select(l => l.Start).DefaultIfEmpty(cohort.Today).Min();
        var weeks = Math.Max(1, (int)Math.Ceiling((cohort.Today.DayNumber - start.DayNumber) / 7.0));
        var days = Enumerable.Range(0, weeks + 1).Select(w => w == weeks ? cohort.Today : start.AddDays(7 * w)).ToList();
        var passed = days.Select(d => Mean(cohort, l => l.Passed.Count(p => p <= d))).ToList();
        var due = days.Select(d => Mean(cohort, l => l.Schedule.Where(s => s.DueOn <= d).Sum(s => s.Modules))).ToList();
        var max = Math.Max(1, Math.Ceiling(Math.Max(passed.DefaultIfEmpty(0).Max(), due.DefaultIfEmpty(0).Max())));
        var (width, height) = (Left + PlotWidth + 20, Top + PlotHeight + 40);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" role=\"img\">\n");
        svg.Append("<title>").Append(SvgText.Escape(cohort.Name)).Append(": progress against pace</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" {SvgText.Font} font-weight=\"bold\">")
            .Append("Modules passed (mean, solid) against due by pace (dashed)</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + PlotHeight}\" x2=\"{Left + PlotWidth}\" ")
            .Append(CultureInfo.InvariantCulture, $"y2=\"{Top + PlotHeight}\" stroke=\"#555\"/>\n");
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<text x=\"{Left - 6}\" y=\"{Top + 4}\" {SvgText.Font} text-anchor=\"end\">{SvgText.N(max)}</text>\n"
        );
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<text x=\"{Left - 6}\" y=\"{Top + PlotHeight}\" {SvgText.Font} text-anchor=\"end\">0</text>\n"
        );
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#9f9f9f\" stroke-width=\"2\" stroke-dasharray=\"5,4\" ")
            .Append(CultureInfo.InvariantCulture, $"points=\"{Points(due, weeks, max)}\"/>\n");
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<polyline fill=\"none\" stroke=\"#007ec6\" stroke-width=\"2\" points=\"{Points(passed, weeks, max)}\"/>\n"
        );
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{height - 8}\" {SvgText.Font}>")
            .Append(
                CultureInfo.InvariantCulture,
                $"{DashboardFormat.Date(start)} to {DashboardFormat.Date(cohort.Today)}, weekly</text>\n"
            );
        return svg.Append("</svg>\n").ToString();
    }

    private static double Mean(CohortView cohort, Func<CohortLearner, int> count) =>
        cohort.Learners.IsEmpty ? 0 : cohort.Learners.Average(l => count(l));

    private static string Points(List<double> values, int weeks, double max) => string.Join(' ', values.Select((v, i) =>
        SvgText.N(Left + ((double)PlotWidth * i / weeks)) + "," + SvgText.N(Top + PlotHeight - (PlotHeight * v / max))));
}
