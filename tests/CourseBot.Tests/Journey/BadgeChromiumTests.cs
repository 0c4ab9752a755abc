using System.Net;
using System.Xml.Linq;
using CourseBot.Core.Journey.Progress;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Journey;

/// <summary>The badges as GitHub shows them, in a README page: the real Chromium loads and draws them.</summary>
[Collection(ChromiumTestGroup.Name)]
public sealed class BadgeChromiumTests(Chromium chromium) : IDisposable
{
    private static readonly XNamespace Svg = BadgeTests.Svg;
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-badges-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Chromium_ReadmeWithBadges_LoadsEveryImageAtItsSvgWidth()
    {
        var badges = new Dictionary<string, string>
        {
            ["badges/path-none.svg"] = BadgeWriter.PathProgress("Celery Fundamentals", 0, 12),
            ["badges/path-some.svg"] = BadgeWriter.PathProgress("Celery Fundamentals", 3, 12),
            ["badges/path-done.svg"] = BadgeWriter.PathProgress("Celery in Production", 9, 9),
            ["badges/certificate.svg"] = BadgeWriter.Certificate("Professional Certification", "earned 2026-11-25"),
            ["badges/hostile.svg"] = BadgeWriter.PathProgress(BadgeTests.Hostile, 1, 2),
        };
        var markdown =
            "# Your progress\n\n"
            + string.Join("\n", badges.Keys.Select(path => $"![{Path.GetFileNameWithoutExtension(path)}]({path})  "))
            + "\n";
        WriteBadges(badges);

        var report = await chromium.RenderMarkdownAsync(markdown, _dir, Chromium.ScreenshotPath("badges-readme"));

        Assert.Equal(badges.Keys, report.Images.Select(i => i.Src));
        foreach (var image in report.Images)
        {
            Assert.True(image.Complete, image.Src);
            Assert.True(image.NaturalWidth > 0, $"{image.Src} did not render");
            Assert.Equal((BadgeTests.Width(badges[image.Src]), 20), (image.NaturalWidth, image.NaturalHeight));
        }

        Assert.True(new FileInfo(report.ScreenshotPath).Length > 0);
    }

    [Fact]
    public async Task Chromium_MissingBadge_IsReportedWithZeroWidth()
    {
        WriteBadges(new() { ["badges/present.svg"] = BadgeWriter.PathProgress("Path", 1, 2) });

        var report = await chromium.RenderMarkdownAsync(
            "![a](badges/present.svg) ![b](badges/absent.svg)\n",
            _dir,
            Chromium.ScreenshotPath("badges-missing")
        );

        Assert.Equal([("badges/present.svg", true), ("badges/absent.svg", false)], report.Images.Select(i => (i.Src, i.NaturalWidth > 0)));
    }

    [Fact]
    public async Task Chromium_ProgressBadge_DrawsItsFillColour()
    {
        const string orange = "#fe7d37";
        var some = BadgeWriter.PathProgress("Celery Fundamentals", 3, 12);
        WriteBadges(new() { ["badges/some.svg"] = some, ["badges/none.svg"] = BadgeWriter.PathProgress("Celery Fundamentals", 0, 12) });
        var fill = XDocument.Parse(some).Root!.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("fill") == orange);
        var fillArea = (int)fill.Attribute("width")! * 20;

        var withFill = await chromium.RenderMarkdownAsync("![some](badges/some.svg)\n", _dir, Chromium.ScreenshotPath("badges-fill-some"));
        var withoutFill = await chromium.RenderMarkdownAsync(
            "![none](badges/none.svg)\n",
            _dir,
            Chromium.ScreenshotPath("badges-fill-none")
        );

        // White text and its shadow cover part of the fill, antialiased edges blend: most, not all, of it shows.
        var orangePixels = await chromium.CountPixelsAsync(withFill.ScreenshotPath, orange);
        Assert.InRange(orangePixels, fillArea / 2, fillArea);
        Assert.Equal(0, await chromium.CountPixelsAsync(withoutFill.ScreenshotPath, orange));
    }

    [Fact]
    public async Task Chromium_TextWidthTable_IsNoNarrowerThanTheInstalledFont()
    {
        // Measures without textLength, in the badge's font stack, what Chromium actually draws.
        string[] samples =
        [
            "Celery Fundamentals",
            "Professional Certification",
            "earned 2026-11-25",
            "3 / 12",
            "WWW mmm",
            "{[(&@%#)]}",
            "AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz",
        ];
        var html =
            "<svg xmlns='http://www.w3.org/2000/svg' font-family='Verdana,Geneva,DejaVu Sans,sans-serif' font-size='11'>"
            + string.Concat(samples.Select(s => $"<text y='14'>{WebUtility.HtmlEncode(s)}</text>"))
            + "</svg>";

        var drawn = await chromium.EvaluateAsync<double[]>(
            html,
            "() => [...document.querySelectorAll('text')].map(t => t.getComputedTextLength())"
        );

        for (var i = 0; i < samples.Length; i++)
        {
            var estimate = BadgeTextWidth.Tenths(samples[i]) / 10.0;
            Assert.InRange(estimate, drawn[i], drawn[i] * 1.15);
        }
    }

    private void WriteBadges(Dictionary<string, string> badges)
    {
        foreach (var (path, svg) in badges)
        {
            var file = Path.Combine(_dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, svg);
        }
    }
}
