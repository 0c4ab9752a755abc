using CourseBot.Core.GitHub;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>The dashboard page's part of <c>AddCourseBot</c>; each host says where Data Protection keeps its key ring.</summary>
internal static class DashboardPageServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardPage(this IServiceCollection services)
    {
        // One application name on every host and instance: Data Protection isolates apps by it (by default, by the content
        // root path, which differs between a laptop and each Functions instance), and a cookie must open on any of them.
        services.AddDataProtection().SetApplicationName("CourseBot");
        services.AddSingleton<DashboardTickets>();
        services.AddSingleton(provider => new GitHubSignIn(provider.GetRequiredService<GitHubAppOptions>()));
        services.AddSingleton<DashboardEndpoint>();
        return services;
    }
}
