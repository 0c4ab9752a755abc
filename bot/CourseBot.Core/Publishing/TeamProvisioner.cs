using Octokit;

namespace CourseBot.Core.Publishing;

/// <summary>Creates the instructors team (closed: visible to the organisation) when the organisation has none by that slug.</summary>
public sealed class TeamProvisioner(IGitHubClient github)
{
    public async Task EnsureAsync(string org, string slug, bool dryRun, PublishPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var exists = await ExistsAsync(org, slug).ConfigureAwait(false);
        plan.Add(new PlanItem(PlanKind.Team, $"{org}/{slug}", exists ? PlanAction.Unchanged : PlanAction.Create, "closed"));
        if (!exists && !dryRun)
        {
            try
            {
                var team = new NewTeam(slug) { Privacy = TeamPrivacy.Closed, Description = "Course instructors" };
                await github.Organization.Team.Create(org, team).ConfigureAwait(false);
            }
            catch (ForbiddenException ex)
            {
                // The App may only read members; everything else is published by then.
                throw new InvalidOperationException(
                    $"cannot create the team {org}/{slug} ({ex.Message}): create it on GitHub, or publish with an owner's token", ex);
            }
        }
    }

    private async Task<bool> ExistsAsync(string org, string slug)
    {
        try
        {
            var uri = new Uri($"orgs/{org}/teams/{slug}", UriKind.Relative);
            await new ApiConnection(github.Connection).Get<Team>(uri).ConfigureAwait(false);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
