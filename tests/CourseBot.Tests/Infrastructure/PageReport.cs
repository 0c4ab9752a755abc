namespace CourseBot.Tests.Infrastructure;

/// <summary>What Chromium showed: the screenshot it wrote and every image on the page.</summary>
public sealed record PageReport(string ScreenshotPath, IReadOnlyList<RenderedImage> Images);
