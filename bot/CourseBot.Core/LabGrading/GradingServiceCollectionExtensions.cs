using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Oidc;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Core.LabGrading;

/// <summary>Grading's part of <c>AddCourseBot</c>: OIDC verification, open labs, bundles.</summary>
internal static class GradingServiceCollectionExtensions
{
    /// <summary>Needs the options and the course that <c>AddCourseBot</c> registers; bundles are read from the course's folder.</summary>
    public static IServiceCollection AddCourseBotGrading(this IServiceCollection services)
    {
        services.AddSingleton<IJwksSource>(provider => new HttpJwksSource(
            new HttpClient { Timeout = TimeSpan.FromSeconds(10) },
            provider.GetRequiredService<OidcOptions>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GitHubOidcVerifier>();
        services.AddSingleton<IOpenLabs, ConfiguredOpenLabs>();
        services.AddSingleton<RunIdentityCheck>();
        services.AddSingleton(provider => new LabRulesReader(provider.GetRequiredService<Course>().RootDirectory));
        services.AddSingleton(provider =>
            new GradingBundleBuilder(provider.GetRequiredService<Course>().RootDirectory, provider.GetRequiredService<LabRulesReader>()));
        services.AddSingleton<GradingBundleEndpoint>();
        services.AddSingleton<GradeIntakeEndpoint>();
        return services;
    }
}
