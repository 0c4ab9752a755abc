using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// Which hidden tests graded a result: a content hash of the lab's grading bundle (its <c>lab.yml</c> and everything under
/// <c>hidden/</c>, the files the grading run receives), 12 hex digits. Fixing a hidden test changes it, so a regrade
/// knows whom it has not reached yet and a dashboard can show which version stands behind each score.
/// </summary>
public static class HiddenTestsVersion
{
    /// <summary>The version of lab <paramref name="key"/> (<c>module/lab</c>) in the curriculum, or null when there is no such
    /// lab.</summary>
    public static string? Of(string curriculumRoot, string key)
    {
        if (LabLocator.Locate(curriculumRoot, key) is not { } folder)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var (path, content) in GradingBundleBuilder.Files(folder).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(path).Append('\0').Append(content).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }
}
