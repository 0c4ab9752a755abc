using System.Text.Json;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Tests.Curriculum;

namespace CourseBot.Tests.Hosts;

/// <summary><c>coursebot serve</c> over real HTTP on loopback.</summary>
public sealed class ServeTests
{
    [Fact]
    public async Task Serve_CatalogAndSummary_AnswerOverHttp()
    {
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;
        await using var app = BotServer.Build(course, "http://127.0.0.1:0");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        Assert.StartsWith("ok", await http.GetStringAsync("/healthz"), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(await http.GetStringAsync("/api/curriculum"));
        Assert.Equal(45, summary.RootElement.GetProperty("modules").GetInt32());
        var page = await http.GetStringAsync("/");
        Assert.Contains("<h2>Path 1: Celery Fundamentals</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Capstone Project 1 - Background Processing System", page, StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public void Catalog_EncodesCurriculumText()
    {
        using var fixture = new CurriculumFixture()
            .Edit("modules/01-first/module.yml", "title: First Steps", "title: <script>alert(1)</script>")
            .Edit("modules/01-first/README.md", "# Module 1: First Steps", "# Module 1: <script>alert(1)</script>");
        var report = fixture.Validate();
        var page = CatalogEndpoints.RenderCatalog(report.Course!);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidCurriculum_RefusesToStart()
    {
        using var fixture = new CurriculumFixture().Edit("modules/01-first/module.yml", "title: First Steps\n", "");
        var error = new StringWriter();
        var exit = await BotServer.RunAsync(fixture.Root, "http://127.0.0.1:0", error, CancellationToken.None);
        Assert.Equal(1, exit);
        Assert.Contains("title: missing required field", error.ToString(), StringComparison.Ordinal);
    }
}
