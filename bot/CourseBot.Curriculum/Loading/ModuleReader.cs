using System.Collections.Frozen;
using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Loading;

/// <summary>Maps one <c>module.yml</c> onto a <see cref="Module"/>.</summary>
internal static class ModuleReader
{
    internal static readonly FrozenDictionary<string, AssessmentKind> Kinds = new Dictionary<string, AssessmentKind>
    {
        ["quiz"] = AssessmentKind.Quiz,
        ["exam"] = AssessmentKind.Exam,
        ["knowledge-check"] = AssessmentKind.KnowledgeCheck,
        ["lab"] = AssessmentKind.Lab,
        ["exercise"] = AssessmentKind.Exercise,
        ["project"] = AssessmentKind.Project,
        ["code-review"] = AssessmentKind.CodeReview,
        ["demo"] = AssessmentKind.Demo,
        ["review"] = AssessmentKind.Review,
        ["survey"] = AssessmentKind.Survey,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    internal static readonly FrozenDictionary<string, Grading> Gradings = new Dictionary<string, Grading>
    {
        ["auto"] = Grading.Auto,
        ["quiz"] = Grading.Quiz,
        ["review"] = Grading.Review,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] ResourceVariants = ["celery", "url", "text"];

    public static Module Read(MapReader map, string directory, string? lesson, ImmutableArray<Quiz> quizzes)
    {
        var module = new Module(
            Number: map.Number("number", min: 1, max: 999) ?? 0,
            Id: map.Text("id") ?? "",
            Title: map.Text("title") ?? "",
            Path: map.Text("path") ?? "",
            Track: map.Text("track", required: false),
            Duration: map.Parsed<StudyDuration>("duration", StudyDuration.TryParse, "a duration like '1 week' or '3 days'") ?? default,
            Hours: map.Parsed<IntRange>("hours", IntRange.TryParse, "an hour range like '10-15'") ?? default,
            Objectives: map.Strings("objectives"),
            Prerequisites: ReadPrerequisites(map.Map("prerequisites")),
            Concepts: map.Strings("concepts"),
            Resources: map.Maps("resources", required: false).Select(ReadResource).OfType<Resource>().ToImmutableArray(),
            Assessments: map.Maps("assessments").Select(ReadAssessment).ToImmutableArray(),
            Capstone: map.Map("capstone", required: false) is { } capstone ? ReadCapstone(capstone) : null,
            Quizzes: quizzes,
            Directory: directory,
            Lesson: lesson,
            Location: map.Location);
        map.Finish();
        return module;
    }

    public static Prerequisites ReadPrerequisites(MapReader? map)
    {
        if (map is null)
        {
            return Prerequisites.None;
        }

        var prerequisites = new Prerequisites(
            Modules: map.Strings("modules", required: false),
            Paths: map.Strings("paths", required: false),
            AnyTrack: map.Strings("any_track", required: false),
            Alternative: map.Text("alternative", required: false),
            Knowledge: map.Strings("knowledge", required: false));
        map.Finish();
        return prerequisites;
    }

    private static Resource? ReadResource(MapReader map)
    {
        var variants = ResourceVariants.Where(map.Has).ToArray();
        Resource? resource = null;
        if (variants.Length != 1)
        {
            map.Error(variants.Length == 0 ? "celery" : variants[1],
                "a resource has exactly one of celery (a Celery repository path), url, or text");
        }
        else if (variants[0] == "celery")
        {
            resource = new CeleryResource(
                map.Text("celery") ?? "",
                map.Text("section", required: false),
                map.Text("note", required: false),
                map.LocationOf("celery")
            );
        }
        else if (variants[0] == "url")
        {
            var text = map.Text("url") ?? "";
            var title = map.Text("title") ?? "";
            var note = map.Text("note", required: false);
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            {
                resource = new LinkResource(url, title, note, map.LocationOf("url"));
            }
            else
            {
                map.Error("url", $"'{text}' is not an absolute https URL");
            }
        }
        else
        {
            resource = new TextResource(map.Text("text") ?? "", map.LocationOf("text"));
        }

        map.Finish();
        return resource;
    }

    private static Assessment ReadAssessment(MapReader map)
    {
        var assessment = new Assessment(
            Id: map.Text("id") ?? "",
            Kind: map.Choice("kind", Kinds) ?? AssessmentKind.Unknown,
            Title: map.Text("title") ?? "",
            Grading: map.Choice("grading", Gradings) ?? Grading.Unknown,
            Questions: map.Number("questions", required: false, min: 1, max: 500),
            TimeLimitMinutes: map.Number("time_limit_minutes", required: false, min: 1, max: 600),
            PassPercent: map.Number("pass_percent", required: false, min: 1, max: 100),
            Location: map.Location);
        map.Finish();
        return assessment;
    }

    private static RubricCriterion ReadCriterion(MapReader map)
    {
        var criterion = new RubricCriterion(
            map.Text("criterion") ?? "",
            map.Number("weight", min: 1, max: 100) ?? 0,
            map.Text("evidence") ?? "",
            map.Location
        );
        map.Finish();
        return criterion;
    }

    private static Capstone ReadCapstone(MapReader map)
    {
        var capstone = new Capstone(
            map.Number("number", min: 1, max: 99) ?? 0,
            map.Text("title") ?? "",
            map.Strings("brief"),
            map.Maps("rubric", required: false).Select(ReadCriterion).ToImmutableArray(),
            map.Text("pull_request_template", required: false),
            map.Location);
        map.Finish();
        return capstone;
    }
}
