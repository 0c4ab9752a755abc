using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>
/// Whether someone is an active member of the course's instructors team, asked of GitHub on every use
/// (membership changes; a cached answer would keep a removed instructor's power).
/// </summary>
public static class InstructorTeam
{
    public static async Task<bool> IsMemberAsync(IGitHubClient github, JourneyOptions options, string login)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var uri = new Uri(
                $"orgs/{options.CourseOwner}/teams/{options.InstructorsTeam}/memberships/{Uri.EscapeDataString(login)}",
                UriKind.Relative
            );
            var membership = await github.Connection.Get<TeamMembershipDetails>(uri, null).ConfigureAwait(false);
            return membership.Body?.State.StringValue == "active";
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
