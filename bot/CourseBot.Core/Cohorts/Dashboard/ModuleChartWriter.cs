using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>
/// <c>charts/NAME-modules.svg</c>: how many of the cohort's learners are at each module (their current module), as bars in
/// module order, with a last bar for learners who passed everything they study. Self-contained (no script, no external
/// reference) and deterministic, like the learners' badges.
/// </summary>
public static class ModuleChartWriter
{
    private const int BarWidth = 28;
    private const int Gap = 6;
    private const int Left = 40;
    private const int Top = 30;
    private const int PlotHeight = 160;

    public static string Write(Course course, CohortView cohort)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cohort);
        var bars = cohort.Learners.Where(l => l.CurrentNumber is not null)
            .GroupBy(l => l.CurrentNumber!.Value).OrderBy(g => g.Key)
            .Select(g => (Label: string.Create(CultureInfo.InvariantCulture, $"{g.Key:00}"), Count: g.Count())).ToList();
        var done = cohort.Learners.Count(l => l.CurrentNumber is null);
        if (done > 0)
        {
            bars.Add(("done", done));
        }

        var max = Math.Max(1, bars.Select(b => b.Count).DefaultIfEmpty(0).Max());
        var width = Left + (Math.Max(bars.Count, 1) * (BarWidth + Gap)) + 20;
        var height = Top + PlotHeight + 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" role=\"img\">\n");
        svg.Append("<title>").Append(SvgText.Escape(cohort.Name)).Append(": learners per module</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>\n");
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<text x=\"{Left}\" y=\"18\" {SvgText.Font} font-weight=\"bold\">Learners per module</text>\n"
        );
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<line x1=\"{Left}\" y1=\"{Top + PlotHeight}\" x2=\"{width - 10}\" y2=\"{Top + PlotHeight}\" stroke=\"#555\"/>\n"
        );
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<text x=\"{Left - 6}\" y=\"{Top + 4}\" {SvgText.Font} text-anchor=\"end\">{max}</text>\n"
        );
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<text x=\"{Left - 6}\" y=\"{Top + PlotHeight}\" {SvgText.Font} text-anchor=\"end\">0</text>\n"
        );
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count) = bars[i];
            var x = Left + Gap + (i * (BarWidth + Gap));
            var h = (double)PlotHeight * count / max;
            var y = Top + PlotHeight - h;
            var centre = x + (BarWidth / 2);
            svg.Append(
                    CultureInfo.InvariantCulture,
                    $"<rect x=\"{x}\" y=\"{SvgText.N(y)}\" width=\"{BarWidth}\" height=\"{SvgText.N(h)}\" "
                )
                .Append(label == "done" ? "fill=\"#97ca00\"" : "fill=\"#007ec6\"")
                .Append("/>\n");
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<text x=\"{centre}\" y=\"{SvgText.N(y - 3)}\" {SvgText.Font} text-anchor=\"middle\">{count}</text>\n"
            );
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<text x=\"{centre}\" y=\"{Top + PlotHeight + 14}\" {SvgText.Font} text-anchor=\"middle\">{label}</text>\n"
            );
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{height - 8}\" {SvgText.Font}>module (current)</text>\n");
        return svg.Append("</svg>\n").ToString();
    }
}
