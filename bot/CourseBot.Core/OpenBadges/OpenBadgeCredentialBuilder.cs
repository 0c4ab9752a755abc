using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Writing;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// An earned certificate as a 1EdTech Open Badges 3.0 <c>OpenBadgeCredential</c> (W3C Verifiable Credentials data model 2.0):
/// the course organisation's issuer profile, an achievement per certification level with the seed's criteria, the learner's public
/// GitHub profile URL as the subject (nothing private), the day it was earned and links to its evidence.
/// </summary>
public static class OpenBadgeCredentialBuilder
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string RevocationListType = "1EdTechRevocationList";

    /// <summary>A stable, unguessable-enough id: the same learner and level give the same id whenever the view is rebuilt.</summary>
    public static string IdFor(string repository, EarnedCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(certificate);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{repository.ToUpperInvariant()}#{certificate.Key}"));
        return $"{certificate.Key}-{Convert.ToHexStringLower(hash)[..16]}";
    }

    public static JsonObject Build(
        Course course, CredentialIssuer issuer, Enrollment learner, EarnedCertificate certificate,
            IReadOnlyList<CredentialEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(evidence);
        var title = ProgressReadmeWriter.CertificateTitle(course, certificate);
        var competency = certificate.Competency is { } c
            ? $" Competency {NextLevelText.Level(c)}: can {Lower(c.Can)}; understands {Lower(c.Understands)}; "
                + $"produces {Lower(c.Produces)}."
            : "";
        var placed = certificate.PlacedPaths.IsEmpty ? ""
            : " Counted by placement past " + string.Join(", ", certificate.PlacedPaths.Select(p => PathName(course,
                p))) + " (no coursework for it).";
        var achievement = new JsonObject
        {
            ["id"] = issuer.AchievementId(certificate.PathId is null ? certificate.Certification.Id : certificate.Key),
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "Certificate",
            ["name"] = title,
            ["description"] = $"{course.Title}: {title}.{competency}",
            ["criteria"] = new JsonObject { ["narrative"] = CriteriaText.For(course, certificate.Certification, certificate.PathId) },
        };
        if (certificate.Competency is { } level)
        {
            achievement["tag"] = new JsonArray($"competency-level-{level.Level.ToString(CultureInfo.InvariantCulture)}", level.Title);
        }

        var id = IdFor(learner.Repository, certificate);
        return new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, ObContext),
            ["id"] = issuer.CredentialUrl(id),
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"{title}: {learner.Login}",
            ["issuer"] = new JsonObject
            {
                ["id"] = issuer.ProfileId, ["type"] = new JsonArray("Profile"), ["name"] = issuer.Name, ["url"] = issuer.Url.AbsoluteUri,
            },
            ["validFrom"] = certificate.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "https://github.com/" + Uri.EscapeDataString(learner.Login),
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = achievement,
                ["narrative"] = $"Earned in the course repository of {learner.Login}.{placed}",
            },
            // 1EdTech's Revocation List status method: a verifier reads the list and looks for this credential's id.
            ["credentialStatus"] = new JsonObject { ["id"] = issuer.RevocationListUrl, ["type"] = RevocationListType },
            ["evidence"] = new JsonArray([.. evidence.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Url, ["type"] = new JsonArray("Evidence"), ["name"] = e.Name,
            })]),
        };
    }

    private static string PathName(Course course, string pathId) =>
        course.FindPath(pathId) is { } path ? string.Create(CultureInfo.InvariantCulture, $"Path {path.Number}") : pathId;

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
