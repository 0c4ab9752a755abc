using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Loading;

/// <summary>Maps <c>course.yml</c> onto a <see cref="Course"/>.</summary>
internal static class CourseReader
{
    private const string RangeExpected = "a range like '10-15'";

    public static Course Read(MapReader map, ImmutableArray<Module> modules, string root)
    {
        var course = new Course(
            Id: map.Text("id") ?? "",
            Title: map.Text("title") ?? "",
            Version: map.Text("version") ?? "",
            CeleryVersion: map.Text("celery_version", required: false),
            Paths: map.Maps("paths").Select(ReadPath).ToImmutableArray(),
            Passing: ReadPassing(map.Map("passing")),
            Certifications: map.Maps("certifications").Select(ReadCertification).ToImmutableArray(),
            Paces: map.Maps("paces").Select(ReadPace).ToImmutableArray(),
            Competencies: map.Maps("competencies", required: false).Select(ReadCompetency).ToImmutableArray(),
            Modules: modules,
            RootDirectory: root)
        {
            CapstoneRules = ReadCapstoneRules(map.Map("capstone", required: false)),
        };
        map.Finish();
        return course;
    }

    private static LearningPath ReadPath(MapReader map)
    {
        var path = new LearningPath(
            Id: map.Text("id") ?? "",
            Number: map.Number("number", min: 1, max: 99) ?? 0,
            Title: map.Text("title") ?? "",
            Level: map.Text("level") ?? "",
            Audience: map.Text("audience") ?? "",
            Prerequisites: ModuleReader.ReadPrerequisites(map.Map("prerequisites", required: false)),
            Duration: map.Parsed<StudyDuration>("duration", StudyDuration.TryParse, "a duration like '8 weeks'") ?? default,
            Hours: map.Parsed<IntRange>("hours", IntRange.TryParse, RangeExpected) ?? default,
            Modules: map.Strings("modules", required: false),
            Tracks: map.Maps("tracks", required: false).Select(ReadTrack).ToImmutableArray(),
            TracksRequired: map.Number("tracks_required", required: false, min: 1, max: 99) ?? 0,
            Location: map.Location,
            ModulesLocation: map.LocationOf("modules"));
        map.Finish();
        return path;
    }

    private static Track ReadTrack(MapReader map)
    {
        var track = new Track(
            map.Text("id") ?? "",
            map.Text("code") ?? "",
            map.Text("title") ?? "",
            map.Strings("modules"),
            map.Location,
            map.LocationOf("modules"));
        map.Finish();
        return track;
    }

    private static CapstoneRules ReadCapstoneRules(MapReader? map)
    {
        var rules = new CapstoneRules(map?.Flag("stale_on_push", required: false) ?? false);
        map?.Finish();
        return rules;
    }

    private static PassingRules ReadPassing(MapReader? map)
    {
        var module = map?.Map("module");
        var path = map?.Map("path");
        var rules = new PassingRules(
            new ModulePassingRules(
                module?.Number("quiz_min_percent", min: 1, max: 100) ?? 80,
                module?.Text("labs") ?? "",
                module?.Text("exercises") ?? "",
                module?.Text("knowledge_check") ?? ""),
            new PathPassingRules(
                path?.Flag("all_modules") ?? true,
                path?.Text("capstone") ?? "",
                path?.Number("final_exam_min_percent", min: 1, max: 100) ?? 85,
                path?.Text("peer_review") ?? ""));
        module?.Finish();
        path?.Finish();
        map?.Finish();
        return rules;
    }

    private static Certification ReadCertification(MapReader map)
    {
        var certification = new Certification(
            Id: map.Text("id") ?? "",
            Level: map.Number("level", min: 1, max: 99) ?? 0,
            Title: map.Text("title") ?? "",
            PerPath: map.Flag("per_path", required: false) ?? false,
            Paths: map.Strings("paths", required: false),
            Tracks: map.Strings("tracks", required: false),
            MinTracks: map.Number("min_tracks", required: false, min: 1, max: 99) ?? 0,
            Description: map.Text("description", required: false),
            Location: map.Location);
        map.Finish();
        return certification;
    }

    private static Pace ReadPace(MapReader map)
    {
        var pace = new Pace(
            Id: map.Text("id") ?? "",
            Title: map.Text("title") ?? "",
            HoursPerWeek: map.Parsed<IntRange>("hours_per_week", IntRange.TryParse, RangeExpected, required: false),
            ProgramWeeks: map.Parsed<IntRange>("program_weeks", IntRange.TryParse, RangeExpected, required: false),
            MaxMonths: map.Number("max_months", required: false, min: 1, max: 120),
            Approach: map.Text("approach") ?? "",
            Milestones: map.Maps("milestones", required: false).Select(ReadMilestone).ToImmutableArray(),
            Location: map.Location);
        map.Finish();
        return pace;
    }

    private static Milestone ReadMilestone(MapReader map)
    {
        var milestone = new Milestone(
            map.Parsed<IntRange>("months", IntRange.TryParse, "a month or range of months like '6-7'") ?? default,
            map.Parsed<IntRange>("modules", IntRange.TryParse, "a range of module numbers like '1-3'") ?? default,
            map.Location);
        map.Finish();
        return milestone;
    }

    private static Competency ReadCompetency(MapReader map)
    {
        var competency = new Competency(
            map.Number("level", min: 1, max: 99) ?? 0,
            map.Text("title") ?? "",
            map.Text("path") ?? "",
            map.Text("can") ?? "",
            map.Text("understands") ?? "",
            map.Text("demonstrates") ?? "",
            map.Text("produces") ?? "",
            map.Location);
        map.Finish();
        return competency;
    }
}
