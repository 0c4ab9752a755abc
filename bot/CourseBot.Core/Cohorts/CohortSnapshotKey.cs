using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Cohorts;

/// <summary>
/// What a stored cohort row was derived with: this build of the core (the progress rules, the pace schedule and the row's
/// shape; a deterministic build changes its module id only when its code changes) and the whole curriculum as loaded (its
/// modules, assessments, paces and rules). A row stored under another key is derived again from the history, so a new
/// release or an edited course never shows a row the journey would not.
/// </summary>
internal static class CohortSnapshotKey
{
    /// <summary>Bumped by hand only if rows must be derived again without any change to the core's code.</summary>
    private const int Format = 1;

    private static readonly JsonSerializerOptions Whole = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        IncludeFields = true,
    };

    public static string For(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
#pragma warning disable IL2026, IL3050 // The core is not trimmed; the curriculum is read whole, whatever it holds.
        var curriculum = JsonSerializer.SerializeToUtf8Bytes(course, Whole);
#pragma warning restore IL2026, IL3050
        var build = typeof(CohortSnapshotKey).Assembly.ManifestModule.ModuleVersionId;
        var digest = SHA256.HashData([.. curriculum, .. build.ToByteArray(), .. BitConverter.GetBytes(Format)]);
        return Convert.ToHexStringLower(digest)[..24];
    }
}
