using System.Collections.Immutable;
using System.Text.Json;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Grading.Labs;

namespace CourseBot.Grading.Classroom;

/// <summary>
/// Reads GitHub Classroom's <c>.github/classroom/autograding.json</c> into command checks, so a
/// course that lived on Classroom (retired 2026-08-28) can move here unchanged.
/// </summary>
public static class ClassroomAutograding
{
    public const string DefaultPath = ".github/classroom/autograding.json";

    public static LabDefinition Read(string file, string labKey)
    {
        ClassroomFile? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(File.ReadAllText(file), ClassroomJsonContext.Default.ClassroomFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file}:{(ex.LineNumber ?? 0) + 1}: not valid autograding JSON: {ex.Message}", ex);
        }

        var tests = parsed?.Tests ?? throw new InvalidDataException($"{file}: no \"tests\" list");
        var location = SourceLocation.OfFile(file);
        var checks = tests.Select((t, i) => (CheckDefinition)new CommandCheck(
            t.Name ?? $"test {i + 1}",
            t.Points ?? 0,
            null,
            location,
            string.IsNullOrWhiteSpace(t.Setup) ? null : t.Setup,
            t.Run ?? throw new InvalidDataException($"{file}: test {i + 1} has no \"run\""),
            t.Input,
            t.Output,
            (t.Comparison, t.Output) switch
            {
                (_, null or "") => OutputComparison.ExitCode,
                ("exact", _) => OutputComparison.Exact,
                ("regex", _) => OutputComparison.Regex,
                _ => OutputComparison.Contains, // Classroom's "included"
            },
            TimeSpan.FromMinutes(t.Timeout is > 0 ? t.Timeout.Value : 10))).ToImmutableArray();
        var parts = labKey.Split('/', 2);
        return new LabDefinition(parts[0], parts.Length > 1 ? parts[1] : parts[0], "GitHub Classroom "
            + "autograding", ".", 100, null, [], checks, "", location);
    }
}
