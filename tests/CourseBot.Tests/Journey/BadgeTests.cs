using System.Globalization;
using System.Xml.Linq;
using CourseBot.Core.Journey.Progress;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Journey;

/// <summary>The SVG badges the bot commits: valid, escaped, deterministic XML.</summary>
public sealed class BadgeTests
{
    internal const string Hostile = "<script>alert(\"x\")</script> & 'Tom's' ]]> \u0001\uD800";
    internal static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void PathProgress_Matches_TheGoldenFile()
    {
        // Same input, same bytes: the bot compares these bytes to skip commits, so any change must be deliberate.
        Golden.AssertMatches("badge-celery-fundamentals-3-of-12.svg", BadgeWriter.PathProgress("Celery Fundamentals", 3, 12));
    }

    [Fact]
    public void PathProgress_IsAnAccessibleSvgImage()
    {
        var svg = XDocument.Parse(BadgeWriter.PathProgress("Celery Fundamentals", 3, 12)).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Celery Fundamentals: 3 / 12", (string?)svg.Attribute("aria-label"));
        Assert.Equal("Celery Fundamentals: 3 / 12", svg.Element(Svg + "title")?.Value);
        Assert.Equal(["Celery Fundamentals", "3 / 12"], Texts(svg).Distinct());
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "image" or "foreignObject" or "style");
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Value.Contains("http", StringComparison.Ordinal) && a.Name != "xmlns");
    }

    [Fact]
    public void PathProgress_IsDeterministic()
    {
        Assert.Equal(BadgeWriter.PathProgress("Celery Fundamentals", 5, 7), BadgeWriter.PathProgress("Celery Fundamentals", 5, 7));
        Assert.NotEqual(BadgeWriter.PathProgress("Celery Fundamentals", 5, 7), BadgeWriter.PathProgress("Celery Fundamentals", 6, 7));
        Assert.Equal(
            BadgeWriter.Certificate("Professional Certification", "earned 2026-11-25"),
            BadgeWriter.Certificate("Professional Certification", "earned 2026-11-25")
        );
    }

    [Fact]
    public void PathProgress_HostileLabel_IsEscapedText()
    {
        var raw = BadgeWriter.PathProgress(Hostile, 1, 2);
        var svg = XDocument.Parse(raw).Root!;
        Assert.DoesNotContain("<script", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        // Markup survives as text; characters XML cannot carry (U+0001, a lone surrogate) are dropped.
        var expected = "<script>alert(\"x\")</script> & 'Tom's' ]]>";
        Assert.Equal(expected, Texts(svg).First());
        Assert.Equal(expected + ": 1 / 2", (string?)svg.Attribute("aria-label"));
    }

    [Fact]
    public void Certificate_HostileText_IsEscapedText()
    {
        var svg = XDocument.Parse(BadgeWriter.Certificate("A & B <Level>", "earned \"soon\" 'ish'")).Root!;
        Assert.Equal(["A & B <Level>", "earned \"soon\" 'ish'"], Texts(svg).Distinct());
        Assert.Equal("A & B <Level>: earned \"soon\" 'ish'", svg.Element(Svg + "title")?.Value);
    }

    [Fact]
    public void Width_GrowsWithText()
    {
        string[] labels = ["Celery", "Celery Fundamentals", "Celery Fundamentals and Distributed Task Queues"];
        var widths = labels.Select(label => Width(BadgeWriter.PathProgress(label, 1, 3))).ToList();
        Assert.True(widths[0] < widths[1] && widths[1] < widths[2], string.Join(" < ", widths));
        Assert.True(
            Width(BadgeWriter.PathProgress("WWWW", 1, 3)) > Width(BadgeWriter.PathProgress("iiii", 1, 3)),
            "wide letters take more room than narrow ones"
        );
        Assert.True(Width(BadgeWriter.PathProgress("x", 10, 100)) > Width(BadgeWriter.PathProgress("x", 1, 3)));
        Assert.True(
            Width(BadgeWriter.Certificate("Professional Certification", "earned 2026-11-25"))
                > Width(BadgeWriter.Certificate("Associate", "earned 2026-11-25"))
        );
    }

    [Fact]
    public void Width_IsTheSumOfTheTwoBoxes()
    {
        var svg = XDocument.Parse(BadgeWriter.Certificate("Professional Certification", "earned 2026-11-25")).Root!;
        var boxes = svg.Descendants(Svg + "g").First().Elements(Svg + "rect").Select(r => (int)r.Attribute("width")!).ToList();
        Assert.Equal(Width(svg), boxes.Sum());
    }

    [Theory]
    [InlineData(0, 12, null)]
    [InlineData(3, 12, "#fe7d37")]
    [InlineData(5, 12, "#fe7d37")]
    [InlineData(6, 12, "#a4a61d")]
    [InlineData(11, 12, "#a4a61d")]
    [InlineData(12, 12, "#97ca00")]
    public void PathProgress_FillsTheValueBoxInProportion(int passed, int total, string? colour)
    {
        var svg = XDocument.Parse(BadgeWriter.PathProgress("Path", passed, total)).Root!;
        var rects = svg.Descendants(Svg + "g").First().Elements(Svg + "rect").ToList();
        var valueBox = (int)rects[1].Attribute("width")!;
        if (colour is null)
        {
            Assert.Equal(2, rects.Count);
            Assert.Equal("#9f9f9f", (string?)rects[1].Attribute("fill"));
            return;
        }

        Assert.Equal(3, rects.Count);
        Assert.Equal(colour, (string?)rects[2].Attribute("fill"));
        Assert.Equal(valueBox * passed / total, (int)rects[2].Attribute("width")!);
        Assert.Equal((string?)rects[1].Attribute("x"), (string?)rects[2].Attribute("x"));
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(4, 3)]
    [InlineData(0, -1)]
    public void PathProgress_ImpossibleCounts_Throw(int passed, int total) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BadgeWriter.PathProgress("Path", passed, total));

    internal static IEnumerable<string> Texts(XElement svg) => svg.Descendants(Svg + "text").Select(t => t.Value);

    internal static int Width(string svg) => Width(XDocument.Parse(svg).Root!);

    internal static int Width(XElement svg) => int.Parse((string)svg.Attribute("width")!, CultureInfo.InvariantCulture);
}
