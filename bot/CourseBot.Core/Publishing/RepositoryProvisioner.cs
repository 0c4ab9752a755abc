using Octokit;

namespace CourseBot.Core.Publishing;

/// <summary>
/// Makes sure a private repository exists in the organisation with the settings publish needs:
/// created with an initial commit (the Git Data API refuses an empty repository), marked as a
/// template when learners' repositories are generated from it, and with its Actions shared to the
/// organisation's private repositories when learners' workflows use it.
/// </summary>
public sealed class RepositoryProvisioner(IGitHubClient github)
{
    /// <summary>Whether the repository exists after this (false only in a dry run that would create it).</summary>
    public async Task<bool> EnsureAsync(string org, string name, string description, RepositoryNeeds needs, bool dryRun, PublishPlan plan)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(plan);
        var full = $"{org}/{name}";
        var repository = await FindAsync(org, name).ConfigureAwait(false);
        plan.Add(new PlanItem(PlanKind.Repository, full, repository is null ? PlanAction.Create : PlanAction.Unchanged, "private"));
        if (repository is null && !dryRun)
        {
            var created = new NewRepository(name)
            {
                Private = true,
                AutoInit = true,
                IsTemplate = needs.Template,
                Description = description,
            };
            await github.Repository.Create(org, created).ConfigureAwait(false);
        }

        if (needs.Template)
        {
            var isTemplate = repository?.IsTemplate == true;
            var action = repository is null ? PlanAction.Create : isTemplate ? PlanAction.Unchanged : PlanAction.Update;
            plan.Add(new PlanItem(PlanKind.Setting, $"{full} is_template", action, "true"));
            if (repository is not null && !isTemplate && !dryRun)
            {
                await github.Repository.Edit(org, name, new RepositoryUpdate { IsTemplate = true }).ConfigureAwait(false);
            }
        }

        if (needs.SharedActions)
        {
            await ShareActionsAsync(org, name, repository is not null, dryRun, plan).ConfigureAwait(false);
        }

        return repository is not null || !dryRun;
    }

    private async Task ShareActionsAsync(string org, string name, bool exists, bool dryRun, PublishPlan plan)
    {
        var uri = new Uri($"repos/{org}/{name}/actions/permissions/access", UriKind.Relative);
        var api = new ApiConnection(github.Connection);
        var level = exists ? (await api.Get<ActionsAccess>(uri).ConfigureAwait(false)).AccessLevel : null;
        var action = level is null ? PlanAction.Create : level == ActionsAccess.Organization ? PlanAction.Unchanged : PlanAction.Update;
        plan.Add(new PlanItem(PlanKind.Setting, $"{org}/{name} actions access", action, $"access_level: {ActionsAccess.Organization}"));
        if (action != PlanAction.Unchanged && !dryRun)
        {
            await api.Put(uri, new ActionsAccess { AccessLevel = ActionsAccess.Organization }).ConfigureAwait(false);
        }
    }

    private async Task<Repository?> FindAsync(string org, string name)
    {
        try
        {
            return await github.Repository.Get(org, name).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
