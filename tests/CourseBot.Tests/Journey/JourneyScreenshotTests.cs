using System.Globalization;
using CourseBot.Tests.Infrastructure;
using Markdig;

namespace CourseBot.Tests.Journey;

/// <summary>
/// What a learner looks at, rendered in Chromium after a real journey: the README with its progress
/// section and badges, and a module issue with its ticked checklist and results comment.
/// Screenshots land in <c>artifacts/screenshots/</c>.
/// </summary>
[Collection(ChromiumTestGroup.Name)]
public sealed class JourneyScreenshotTests(Chromium chromium)
{
    private const string Repository = "academy/celery-ada";

    [Fact]
    public async Task Chromium_LearnerReadmeAndModuleIssue_RenderWithEveryBadge()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 11);
        await script.RunAsync();
        var folder = Directory.CreateTempSubdirectory("coursebot-readme-").FullName;
        try
        {
            // The repository as GitHub would serve it: README.md beside badges/.
            var readme = harness.GitHub.ReadFile(Repository, "README.md")!;
            Directory.CreateDirectory(Path.Combine(folder, "badges"));
            foreach (var badge in new[] { "fundamentals", "professional", "expert", "specialization" })
            {
                await File.WriteAllTextAsync(
                    Path.Combine(folder, "badges", badge + ".svg"),
                    harness.GitHub.ReadFile(Repository, $"badges/{badge}.svg")!
                );
            }

            var page = await chromium.RenderMarkdownAsync(readme, folder, Chromium.ScreenshotPath("learner-readme"));
            Assert.Equal(4, page.Images.Count);
            Assert.All(page.Images, image =>
                Assert.True(image.Complete && image.NaturalWidth > 100, $"{image.Src} did not render ({image.NaturalWidth} px)")
            );
            Assert.True(
                await chromium.CountPixelsAsync(page.ScreenshotPath, "#fe7d37") > 0,
                "the Path 1 badge's progress fill (3 of 12: orange) is not on the page"
            );

            // Module 2's issue as the learner sees it: the lesson with its ticked boxes, then the bot's results comment.
            var issue = harness.GitHub.Issue(Repository, script.ModuleIssue(2))!;
            var comments = harness.GitHub.CommentsOn(Repository, issue.Number).Select(c => c.Body);
            var thread = string.Create(
                CultureInfo.InvariantCulture,
                $"# {issue.Title} #{issue.Number}\n\n{issue.Body}\n\n---\n\n{string.Join("\n\n---\n\n", comments)}"
            );
            var issuePage = await chromium.RenderMarkdownAsync(thread, folder, Chromium.ScreenshotPath("module-issue"));
            Assert.True(File.Exists(issuePage.ScreenshotPath));
            var html = Markdown.ToHtml(thread, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
            var text = await chromium.EvaluateAsync<string>(html, "() => document.body.innerText");
            Assert.Contains("Results for module 02", text, StringComparison.Ordinal);
            Assert.Contains("Your First Celery Application", text, StringComparison.Ordinal);
            var boxes = await chromium.EvaluateAsync<int>(html, "() => document.querySelectorAll('input[type=checkbox]:checked').length");
            Assert.Equal(3, boxes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
