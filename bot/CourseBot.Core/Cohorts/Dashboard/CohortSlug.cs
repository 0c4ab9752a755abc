using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>
/// A cohort's name as a file name. Cohort names come from the Enroll form (learner text), so only lower-case letters, digits
/// and '-' are kept; a name that loses anything (or is empty) gets a short hash of itself, so two names never share a file.
/// </summary>
public static class CohortSlug
{
    public static string Of(string cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var kept = new StringBuilder(cohort.Length);
        foreach (var c in cohort.ToLowerInvariant())
        {
            kept.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }

        var slug = kept.ToString().Trim('-');
        if (slug.Length > 40)
        {
            slug = slug[..40].TrimEnd('-');
        }

        if (slug.Length > 0 && slug == cohort)
        {
            return slug;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cohort)))[..6];
        return slug.Length == 0 ? "cohort-" + hash : $"{slug}-{hash}";
    }
}
