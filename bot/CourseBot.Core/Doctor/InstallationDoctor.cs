using Octokit;

namespace CourseBot.Core.Doctor;

/// <summary>
/// <c>coursebot doctor</c>: checks a live installation through the App's own credentials and says, per check, that it holds
/// or what to fix. The App's settings are read with its JWT; the organisation through its installation token, so a
/// permission the installation lacks shows as the check GitHub refused.
/// </summary>
public sealed class InstallationDoctor(IGitHubClient app, Func<long, IGitHubClient> installationClient)
{
    public async Task<DoctorReport> CheckAsync(DoctorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (registration, slug, asked) = await new AppRegistrationChecks(app).RunAsync(settings).ConfigureAwait(false);
        var organisation = await new OrganisationChecks(app, installationClient).RunAsync(settings, slug, asked)
            .ConfigureAwait(false);

        // The App's registration first, then the organisation, each in the order an admin would fix them.
        return new DoctorReport([registration[0], registration[1], .. organisation, registration[2], registration[3]]);
    }
}
