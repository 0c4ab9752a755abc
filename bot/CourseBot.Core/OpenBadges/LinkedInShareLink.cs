using System.Globalization;
using CourseBot.Core.Journey.History;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// LinkedIn's "Add license or certification" link (its documented add-to-profile URL): the certificate's name, the issuing
/// organisation, the month it was issued, and the credential's verification URL and id, prefilled. Nothing else: no tracking
/// parameters (<c>trk</c>, <c>utm_*</c>) and nothing about the learner beyond what the public page shows.
/// </summary>
public static class LinkedInShareLink
{
    public static string For(CredentialIssued credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var issued = credential.Issued.UtcDateTime;
        return "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
            + "&name=" + Uri.EscapeDataString(credential.Title)
            + "&organizationName=" + Uri.EscapeDataString(credential.IssuerName)
            + "&issueYear=" + issued.Year.ToString(CultureInfo.InvariantCulture)
            + "&issueMonth=" + issued.Month.ToString(CultureInfo.InvariantCulture)
            + "&certUrl=" + Uri.EscapeDataString(credential.Url)
            + "&certId=" + Uri.EscapeDataString(credential.Id);
    }
}
