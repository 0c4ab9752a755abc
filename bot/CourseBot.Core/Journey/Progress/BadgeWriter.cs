using System.Globalization;
using System.Text;
using System.Xml;

namespace CourseBot.Core.Journey.Progress;

/// <summary>
/// Writes the SVG badges the bot commits into a learner's repository: path progress and earned certificates.
/// </summary>
/// <remarks>
/// GitHub serves repository SVGs as images, so a badge is self-contained: no script, no web font, no external
/// reference; text uses fonts the viewer has (Verdana, else DejaVu Sans, else any sans-serif).
/// Output is deterministic (same input, same bytes) so the bot can skip a commit when nothing changed.
/// </remarks>
public static class BadgeWriter
{
    private const int Height = 20;
    private const int PaddingPx = 6;
    private const string LabelColour = "#555";
    private const string Grey = "#9f9f9f";
    private const string Orange = "#fe7d37";
    private const string YellowGreen = "#a4a61d";
    private const string Green = "#97ca00";
    private const string CertificateColour = "#007ec6";

    /// <summary>
    /// A flat badge: <paramref name="label"/> on the left, <c>passed / total</c> on the right over a fill
    /// proportional to the fraction passed (grey for none, orange under half, yellow-green under all, green when done).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="total"/> is negative or
    /// <paramref name="passed"/> is outside 0..<paramref name="total"/>.</exception>
    public static string PathProgress(string label, int passed, int total)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(passed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passed, total);

        var value = string.Create(CultureInfo.InvariantCulture, $"{passed} / {total}");
        var colour = passed == 0 ? Grey : passed * 2 < total ? Orange : passed < total ? YellowGreen : Green;
        return Render(label, value, Grey, new Fill(passed, total, colour));
    }

    /// <summary>A flat badge for an earned certificate level: <paramref name="title"/> on the left,
    /// <paramref name="detail"/> (such as <c>earned 2026-11-25</c>) on the right.</summary>
    public static string Certificate(string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(detail);
        return Render(title, detail, CertificateColour, fill: null);
    }

    private static string Render(string rawLabel, string rawValue, string valueBackground, Fill? fill)
    {
        var label = Clean(rawLabel);
        var value = Clean(rawValue);
        var labelText = BadgeTextWidth.Tenths(label);
        var valueText = BadgeTextWidth.Tenths(value);
        var left = BoxWidth(labelText);
        var right = BoxWidth(valueText);
        var width = left + right;
        // At least a pixel once anything passed: one lab of many still shows as progress.
        var fillWidth = fill is { Passed: > 0 } f ? Math.Max(1, right * f.Passed / f.Total) : 0;
        var accessibleName = Escape(label.Length == 0 ? value : $"{label}: {value}");

        var svg = new StringBuilder();
        var size = FormattableString.Invariant($"width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\"");
        Line(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" {size} role=\"img\" aria-label=\"{accessibleName}\">");
        Line(svg, $"  <title>{accessibleName}</title>");
        Line(svg, $"  <clipPath id=\"round\"><rect width=\"{width}\" height=\"{Height}\" rx=\"3\"/></clipPath>");
        Line(svg, $"  <g clip-path=\"url(#round)\">");
        Line(svg, $"    <rect width=\"{left}\" height=\"{Height}\" fill=\"{LabelColour}\"/>");
        Line(svg, $"    <rect x=\"{left}\" width=\"{right}\" height=\"{Height}\" fill=\"{valueBackground}\"/>");
        if (fillWidth > 0)
        {
            Line(svg, $"    <rect x=\"{left}\" width=\"{fillWidth}\" height=\"{Height}\" fill=\"{fill!.Colour}\"/>");
        }

        Line(svg, $"  </g>");
        Line(svg, $"  <g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">");
        Text(svg, label, labelText, centreTenths: left * 5);
        Text(svg, value, valueText, centreTenths: (left * 10) + (right * 5));
        Line(svg, $"  </g>");
        Line(svg, $"</svg>");
        return svg.ToString();
    }

    // A shadow one pixel down, then the text; textLength pins the text to the estimated width, so a
    // viewer's different font cannot push it out of its box.
    private static void Text(StringBuilder svg, string text, int widthTenths, int centreTenths)
    {
        if (text.Length == 0)
        {
            return;
        }

        var (x, length, escaped) = (Tenths(centreTenths), Tenths(widthTenths), Escape(text));
        Line(svg, $"    <text x=\"{x}\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" textLength=\"{length}\">{escaped}</text>");
        Line(svg, $"    <text x=\"{x}\" y=\"14\" textLength=\"{length}\">{escaped}</text>");
    }

    private static int BoxWidth(int textTenths) => ((textTenths + 9) / 10) + (2 * PaddingPx);

    private static string Tenths(int tenths) => tenths % 10 == 0
        ? (tenths / 10).ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{tenths / 10}.{tenths % 10}");

    // Invariant culture for every number, "\n" line ends whatever the OS: the bytes are the same everywhere.
    private static void Line(StringBuilder svg, FormattableString line) =>
        svg.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    // A badge is one line: whitespace runs become one space, and characters XML cannot carry
    // (control characters, lone surrogates) are dropped rather than making the SVG unreadable.
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (clean.Length > 0 && clean[^1] != ' ')
                {
                    clean.Append(' ');
                }
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString().TrimEnd(' ');
    }

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&apos;", StringComparison.Ordinal);

    /// <summary>The share of the value box painted in <see cref="Colour"/>.</summary>
    private sealed record Fill(int Passed, int Total, string Colour);
}
