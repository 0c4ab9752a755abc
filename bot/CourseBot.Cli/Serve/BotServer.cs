using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Oidc;

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

    /// <param name="course">The validated course.</param>
    /// <param name="urls">Where to listen.</param>
    /// <param name="settings">Settings that override appsettings and environment (tests use them).</param>
    public static WebApplication Build(Core.Curriculum.Model.Course course, string urls, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(course);
        builder.Services.AddSingleton(TimeProvider.System);
        var oidc = new OidcOptions();
        builder.Configuration.GetSection(OidcOptions.Section).Bind(oidc);
        var grading = new GradingOptions();
        builder.Configuration.GetSection(GradingOptions.Section).Bind(grading);
        builder.Services.AddCourseBotGrading(oidc, grading, course.RootDirectory);

        var app = builder.Build();
        app.MapCatalog();
        app.MapGrading();
        return app;
    }
}
