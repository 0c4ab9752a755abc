using Octokit;

namespace CourseBot.Core.Doctor;

/// <summary>
/// The organisation as the App's installation sees it: installed (and granted what the App asks for), the course and
/// template repositories with what publish writes, the Actions of the repositories learners' workflows use shared with the
/// organisation, and the instructors team.
/// </summary>
internal sealed class OrganisationChecks(IGitHubClient app, Func<long, IGitHubClient> installationClient)
{
    /// <param name="settings">What to check.</param>
    /// <param name="slug">The App's slug, for the installation link.</param>
    /// <param name="asked">The permissions the App asks for now (the manifest's when GitHub did not say).</param>
    public async Task<List<DoctorResult>> RunAsync(DoctorSettings settings, string? slug, IReadOnlyDictionary<string, string>? asked)
    {
        var org = settings.Organisation;
        var (installation, result) = await InstallationAsync(settings, slug, asked ?? settings.Manifest.Permissions)
            .ConfigureAwait(false);
        var results = new List<DoctorResult> { result };
        string[] dependent =
        [
            $"Course repository {org}/{settings.CourseRepository}",
            $"Template repository {org}/{settings.TemplateRepository}",
            "Actions access",
            $"Instructors team {org}/{settings.InstructorsTeam}",
        ];
        if (installation is null)
        {
            results.AddRange(dependent.Select(d => DoctorResult.Skipped(d, $"needs the App's installation on {org}")));
            return results;
        }

        var client = installationClient(installation.Value);
        var reader = new PublishedRepositoryReader(client, org);
        results.Add(await Guarded(dependent[0], () => reader.CourseAsync(settings.CourseRepository, settings.CourseFiles))
            .ConfigureAwait(false));
        results.Add(await Guarded(dependent[1], () => reader.TemplateAsync(settings.TemplateRepository, settings.TemplateFiles))
            .ConfigureAwait(false));
        results.Add(await Guarded(dependent[2], () => reader.ActionsAccessAsync([settings.ActionRepository, settings.CourseRepository]))
            .ConfigureAwait(false));
        results.Add(await Guarded(dependent[3], () => reader.TeamAsync(settings.InstructorsTeam)).ConfigureAwait(false));
        return results;
    }

    private async Task<(long? Id, DoctorResult Result)> InstallationAsync(
        DoctorSettings settings, string? slug, IReadOnlyDictionary<string, string> asked)
    {
        var org = settings.Organisation;
        var check = $"Installation on {org}";
        System.Text.Json.JsonElement installation;
        try
        {
            installation = await GitHubJson.GetAsync(app, $"orgs/{org}/installation").ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            var link = slug is null ? "the App's public page" : $"https://github.com/apps/{slug}/installations/new";
            return (null, DoctorResult.Fail(check, $"the App is not installed on {org}: an owner installs it from {link}"));
        }
        catch (ApiException ex)
        {
            return (null, DoctorResult.Fail(check, $"GitHub did not say ({ex.Message})"));
        }

        var id = installation.GetProperty("id").GetInt64();
        if (installation.TryGetProperty("suspended_at", out var suspended) && suspended.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            return (null, DoctorResult.Fail(check, $"the installation {id} is suspended: an owner unsuspends it in {org}'s settings"));
        }

        // Permissions an App adds reach an organisation only once an owner accepts them; those it drops, at once.
        var missing = PermissionGaps.Missing(asked, GitHubJson.Permissions(installation));
        if (missing.Count > 0)
        {
            return (id, DoctorResult.Fail(check, $"{org} has not granted {string.Join(", ", missing)}: an owner accepts the App's "
                + $"new permissions in {org}'s settings, GitHub Apps"));
        }

        return (id, DoctorResult.Ok(check, $"installation {id}, with every permission the App asks for"));
    }

    /// <summary>A check GitHub refused (a permission the installation lacks, a server error) fails with GitHub's reason.</summary>
    private static async Task<DoctorResult> Guarded(string check, Func<Task<(bool Ok, string Message)>> run)
    {
        try
        {
            var (ok, message) = await run().ConfigureAwait(false);
            return ok ? DoctorResult.Ok(check, message) : DoctorResult.Fail(check, message);
        }
        catch (ApiException ex)
        {
            return DoctorResult.Fail(check, $"GitHub refused to show it ({(int)ex.StatusCode}: {ex.Message}): "
                + "check the installation's permissions");
        }
    }
}
