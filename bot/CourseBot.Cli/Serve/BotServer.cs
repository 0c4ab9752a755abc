using CourseBot.Core.Curriculum.Validation;

namespace CourseBot.Cli.Serve;

/// <summary>
/// Builds and runs the ASP.NET Core host. It refuses to start on an invalid curriculum: a course
/// that does not validate would give learners broken issues.
/// </summary>
internal static class BotServer
{
    public static async Task<int> RunAsync(string curriculum, string urls, TextWriter error, CancellationToken cancel)
    {
        var report = CurriculumValidator.ValidateFolder(curriculum);
        if (!report.IsValid || report.Course is not { } course)
        {
            await error.WriteLineAsync($"coursebot serve: the curriculum in '{curriculum}' is not valid:").ConfigureAwait(false);
            foreach (var diagnostic in report.Diagnostics)
            {
                await error.WriteLineAsync("  " + diagnostic).ConfigureAwait(false);
            }

            return 1;
        }

        var app = Build(course, urls);
        await app.RunAsync(cancel).ConfigureAwait(false);
        return 0;
    }

    public static WebApplication Build(Core.Curriculum.Model.Course course, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(course);
        builder.Services.AddSingleton(TimeProvider.System);
        var app = builder.Build();
        app.MapCatalog();
        return app;
    }
}
