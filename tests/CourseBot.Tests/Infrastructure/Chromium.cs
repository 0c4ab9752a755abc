using System.Text.Json;
using Markdig;
using Microsoft.Playwright;

namespace CourseBot.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, apt package chromium) driven by Playwright, started once per test
/// collection. Nothing is downloaded: Playwright's driver runs on the Node binary the NuGet package ships
/// (copied to bin/.playwright by the package's build targets), and the browser is the system one, so
/// <c>playwright install</c> is never needed. <c>--no-sandbox</c> because the tests run as root.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // GitHub's light theme, reduced to what a README uses; the article is 980px wide like a repository page.
    private const string Stylesheet = """
        body {
          margin: 0; background: #fff; color: #1f2328;
          font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
        }
        .markdown-body { box-sizing: border-box; width: 980px; margin: 0 auto; padding: 32px; }
        h1, h2 { font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; }
        a { color: #0969da; text-decoration: none; }
        img { max-width: 100%; box-sizing: content-box; background-color: #fff; }
        table { border-collapse: collapse; } th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
        code { padding: .2em .4em; font-size: 85%; background: #eff1f3; border-radius: 6px; }
        """;

    // Resolves once every <img> has loaded or failed, then describes each one.
    private const string ImagesScript = """
        async () => {
          const images = [...document.images];
          await Promise.all(images.map(i => i.complete ? null : new Promise(done => {
            i.addEventListener('load', done); i.addEventListener('error', done); })));
          return JSON.stringify(images.map(i => ({ src: i.getAttribute('src'), naturalWidth: i.naturalWidth,
            naturalHeight: i.naturalHeight, complete: i.complete })));
        }
        """;

    // Decodes a PNG in the browser (a data: URL does not taint the canvas) and counts pixels near a colour.
    private const string CountPixelsScript = """
        async ([png, [r, g, b], tolerance]) => {
          const image = new Image();
          image.src = 'data:image/png;base64,' + png;
          await image.decode();
          const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let count = 0;
          for (let p = 0; p < data.length; p += 4) {
            if (Math.abs(data[p] - r) <= tolerance && Math.abs(data[p + 1] - g) <= tolerance
                && Math.abs(data[p + 2] - b) <= tolerance) count++;
          }
          return count;
        }
        """;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots go: artifacts/screenshots/ at the repository root (ignored by git).</summary>
    public static string ScreenshotPath(string name) => Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", name + ".png");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install chromium (./test installs it)");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox"],
            Timeout = 60_000, // a busy 2-core CI machine can be slow to start a browser
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// Renders <paramref name="markdown"/> the way GitHub shows a README: as HTML in a GitHub-like page, loaded
    /// from a file inside <paramref name="baseDirectory"/> so relative image links resolve. Waits for every image,
    /// writes a full-page PNG to <paramref name="screenshotPath"/> and reports each image.
    /// </summary>
    public async Task<PageReport> RenderMarkdownAsync(string markdown, string baseDirectory, string screenshotPath)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>README</title><style>{Stylesheet}</style></head>
            <body><article class="markdown-body">
            {Markdown.ToHtml(markdown, Pipeline)}
            </article></body></html>
            """;
        var file = Path.Combine(baseDirectory, ".chromium-page.html");
        await File.WriteAllTextAsync(file, html);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(screenshotPath))!);
        var page = await NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var images = JsonSerializer.Deserialize<List<RenderedImage>>(await page.EvaluateAsync<string>(ImagesScript), Json)!;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath, FullPage = true });
            return new PageReport(screenshotPath, images);
        }
        finally
        {
            await page.CloseAsync();
            File.Delete(file);
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/> (a page the bot serves), writes a full-page PNG to <paramref name="screenshotPath"/>, and returns
    /// the text of the element with id <paramref name="elementId"/>, the page's visible text, and whether a script set
    /// <c>window.__pwned</c> (hostile text that ran as markup would).
    /// </summary>
    public async Task<(string Element, string Text, bool ScriptRan)> VisitAsync(Uri url, string elementId, string screenshotPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(screenshotPath))!);
        var page = await NewPageAsync();
        try
        {
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath, FullPage = true });
            var element = await page.Locator("#" + elementId).InnerTextAsync();
            var text = await page.Locator("body").InnerTextAsync();
            var ran = await page.EvaluateAsync<bool>("() => window.__pwned === true");
            return (element, text, ran);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>How many pixels of the PNG at <paramref name="pngPath"/> are within <paramref name="tolerance"/>
    /// (per channel) of <paramref name="hexColour"/> (<c>#rrggbb</c>).</summary>
    public async Task<int> CountPixelsAsync(string pngPath, string hexColour, int tolerance = 2)
    {
        var rgb = Convert.FromHexString(hexColour.TrimStart('#')).Select(b => (int)b).ToArray();
        var png = Convert.ToBase64String(await File.ReadAllBytesAsync(pngPath));
        var page = await NewPageAsync();
        try
        {
            return await page.EvaluateAsync<int>(CountPixelsScript, new object[] { png, rgb, tolerance });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Loads <paramref name="html"/> into a fresh page and returns what <paramref name="script"/> (a JS function)
    /// returns.</summary>
    public async Task<T> EvaluateAsync<T>(string html, string script)
    {
        var page = await NewPageAsync();
        try
        {
            await page.SetContentAsync(html);
            return await page.EvaluateAsync<T>(script);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>A fresh browser context (its own cookies), for a test that signs in through several pages.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        (_browser ?? throw new InvalidOperationException("Chromium is not started")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = 1,
        });

    private Task<IPage> NewPageAsync() =>
        (_browser ?? throw new InvalidOperationException("Chromium is not started")).NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1012, Height = 600 },
            DeviceScaleFactor = 1, // one CSS pixel per screenshot pixel, so sizes and pixel counts compare directly
        });
}
