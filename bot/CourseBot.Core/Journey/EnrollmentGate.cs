using CourseBot.Core.Journey.Sync;
using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>
/// Decides whether an Enroll form may create a learner repository: each one is a private repository,
/// an invitation and Actions minutes, so by default only members of the course organisation get one.
/// A refusal is a sentence for the learner; nothing is written to GitHub before this says yes.
/// </summary>
public sealed class EnrollmentGate(JourneyOptions options)
{
    /// <summary>Why <paramref name="login"/> may not enroll by form, or null when they may.</summary>
    /// <param name="github">The installation's client (reads organisation membership: the App's <c>members: read</c>).</param>
    /// <param name="login">The author of the Enroll issue.</param>
    /// <param name="ledger">Their record, which holds an enrollment when an instructor queued them from a roster.</param>
    public async Task<string?> RefusalAsync(IGitHubClient github, string login, LearnerLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        switch (options.EnrollmentPolicy)
        {
            case EnrollmentPolicy.Open:
                return null;
            case EnrollmentPolicy.Roster:
                return ledger.Enrollment is not null
                    ? null
                    : "this course enrolls learners from its roster only. "
                      + "Ask your instructors to add you; if they already have, your repository is on its way";
            case EnrollmentPolicy.OrgMembers:
                return await MembershipRefusalAsync(github, login).ConfigureAwait(false);
            default:
                return $"enrollment is closed while the course's setting CourseBot:Journey:Enrollment ('{options.Enrollment}') "
                    + "is not one of org-members, roster, open";
        }
    }

    /// <summary>The refusal of a login who is no member of the course organisation (under <c>org-members</c>).</summary>
    public static string NotAMember(string org) =>
        $"this course is for members of the {org} organisation. "
        + "Ask your instructors for an invitation, then open a new **Enroll** issue";

    private async Task<string?> MembershipRefusalAsync(IGitHubClient github, string login)
    {
        var org = options.CourseOwner;
        try
        {
            var membership = await github.Organization.Member.GetOrganizationMembership(org, login).ConfigureAwait(false);
            return membership.State.TryParse(out var state) && state == MembershipState.Active
                ? null
                : $"your invitation to the {org} organisation is not accepted yet. "
                  + $"Accept it (https://github.com/orgs/{org}/invitation), then open a new **Enroll** issue";
        }
        catch (NotFoundException)
        {
            return NotAMember(org);
        }
    }
}
