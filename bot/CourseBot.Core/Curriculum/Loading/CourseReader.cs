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
            Id: map.String("id") ?? "",
            Title: map.String("title") ?? "",
            Version: map.String("version") ?? "",
            CeleryVersion: map.String("celery_version", required: false),
            Paths: map.Maps("paths").Select(ReadPath).ToImmutableArray(),
            Passing: ReadPassing(map.Map("passing")),
            Certifications: map.Maps("certifications").Select(ReadCertification).ToImmutableArray(),
            Paces: map.Maps("paces").Select(ReadPace).ToImmutableArray(),
            Competencies: map.Maps("competencies", required: false).Select(ReadCompetency).ToImmutableArray(),
            Modules: modules,
            RootDirectory: root);
        map.Finish();
        return course;
    }

    private static LearningPath ReadPath(MapReader map)
    {
        var path = new LearningPath(
            Id: map.String("id") ?? "",
            Number: map.Int("number", min: 1, max: 99) ?? 0,
            Title: map.String("title") ?? "",
            Level: map.String("level") ?? "",
            Audience: map.String("audience") ?? "",
            Prerequisites: ModuleReader.ReadPrerequisites(map.Map("prerequisites", required: false)),
            Duration: map.Parsed<StudyDuration>("duration", StudyDuration.TryParse, "a duration like '8 weeks'") ?? default,
            Hours: map.Parsed<IntRange>("hours", IntRange.TryParse, RangeExpected) ?? default,
            Modules: map.Strings("modules", required: false),
            Tracks: map.Maps("tracks", required: false).Select(ReadTrack).ToImmutableArray(),
            TracksRequired: map.Int("tracks_required", required: false, min: 1, max: 99) ?? 0,
            Location: map.Location,
            ModulesLocation: map.LocationOf("modules"));
        map.Finish();
        return path;
    }

    private static Track ReadTrack(MapReader map)
    {
        var track = new Track(
            map.String("id") ?? "",
            map.String("code") ?? "",
            map.String("title") ?? "",
            map.Strings("modules"),
            map.Location,
            map.LocationOf("modules"));
        map.Finish();
        return track;
    }

    private static PassingRules ReadPassing(MapReader? map)
    {
        var module = map?.Map("module");
        var path = map?.Map("path");
        var rules = new PassingRules(
            new ModulePassingRules(
                module?.Int("quiz_min_percent", min: 1, max: 100) ?? 80,
                module?.String("labs") ?? "",
                module?.String("exercises") ?? "",
                module?.String("knowledge_check") ?? ""),
            new PathPassingRules(
                path?.Bool("all_modules") ?? true,
                path?.String("capstone") ?? "",
                path?.Int("final_exam_min_percent", min: 1, max: 100) ?? 85,
                path?.String("peer_review") ?? ""));
        module?.Finish();
        path?.Finish();
        map?.Finish();
        return rules;
    }

    private static Certification ReadCertification(MapReader map)
    {
        var certification = new Certification(
            Id: map.String("id") ?? "",
            Level: map.Int("level", min: 1, max: 99) ?? 0,
            Title: map.String("title") ?? "",
            PerPath: map.Bool("per_path", required: false) ?? false,
            Paths: map.Strings("paths", required: false),
            Tracks: map.Strings("tracks", required: false),
            MinTracks: map.Int("min_tracks", required: false, min: 1, max: 99) ?? 0,
            Description: map.String("description", required: false),
            Location: map.Location);
        map.Finish();
        return certification;
    }

    private static Pace ReadPace(MapReader map)
    {
        var pace = new Pace(
            Id: map.String("id") ?? "",
            Title: map.String("title") ?? "",
            HoursPerWeek: map.Parsed<IntRange>("hours_per_week", IntRange.TryParse, RangeExpected, required: false),
            ProgramWeeks: map.Parsed<IntRange>("program_weeks", IntRange.TryParse, RangeExpected, required: false),
            MaxMonths: map.Int("max_months", required: false, min: 1, max: 120),
            Approach: map.String("approach") ?? "",
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
            map.Int("level", min: 1, max: 99) ?? 0,
            map.String("title") ?? "",
            map.String("path") ?? "",
            map.String("can") ?? "",
            map.String("understands") ?? "",
            map.String("demonstrates") ?? "",
            map.String("produces") ?? "",
            map.Location);
        map.Finish();
        return competency;
    }
}
