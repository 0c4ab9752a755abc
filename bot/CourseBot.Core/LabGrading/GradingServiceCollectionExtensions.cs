using CourseBot.Core.Oidc;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Core.LabGrading;

/// <summary>The one place a host learns how to wire grading: OIDC verification, open labs, bundles.</summary>
public static class GradingServiceCollectionExtensions
{
    /// <param name="services">The host's services.</param>
    /// <param name="oidc">OIDC options, already bound from the host's configuration.</param>
    /// <param name="grading">Grading options, already bound.</param>
    /// <param name="curriculumRoot">The curriculum folder bundles are read from.</param>
    public static IServiceCollection AddCourseBotGrading(this IServiceCollection services, OidcOptions oidc, GradingOptions grading, string curriculumRoot)
    {
        services.AddSingleton(oidc);
        services.AddSingleton(grading);
        services.AddSingleton<IJwksSource>(provider => new HttpJwksSource(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, oidc, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GitHubOidcVerifier>();
        services.AddSingleton<IOpenLabs, ConfiguredOpenLabs>();
        services.AddSingleton<RunIdentityCheck>();
        var labs = new LabRulesReader(curriculumRoot);
        services.AddSingleton(labs);
        services.AddSingleton(new GradingBundleBuilder(curriculumRoot, labs));
        services.AddSingleton<GradingBundleEndpoint>();
        services.AddSingleton<GradeIntakeEndpoint>();
        return services;
    }
}
