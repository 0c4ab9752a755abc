using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>One module: its <c>module.yml</c> and its lesson <c>README.md</c>.</summary>
public sealed record Module(
    int Number,
    string Id,
    string Title,
    string Path,
    string? Track,
    StudyDuration Duration,
    IntRange Hours,
    ImmutableArray<string> Objectives,
    Prerequisites Prerequisites,
    ImmutableArray<string> Concepts,
    ImmutableArray<Resource> Resources,
    ImmutableArray<Assessment> Assessments,
    Capstone? Capstone,
    ImmutableArray<Quiz> Quizzes,
    string Directory,
    string? Lesson,
    SourceLocation Location)
{
    public IEnumerable<Assessment> OfKind(AssessmentKind kind) => Assessments.Where(a => a.Kind == kind);
}

/// <summary>A capstone brief (the seed's six capstones), the rubric reviewers grade it by, and the pull request template its submission uses.</summary>
public sealed record Capstone(int Number, string Title, ImmutableArray<string> Brief, ImmutableArray<RubricCriterion> Rubric, string? PullRequestTemplate, SourceLocation Location);

/// <summary>One rubric line: what is judged, its weight (percent of the capstone), and the evidence the learner must show.</summary>
public sealed record RubricCriterion(string Criterion, int Weight, string Evidence, SourceLocation Location);

/// <summary>A learning resource: a path in the Celery repository, an external link, or the seed's words where it names no location.</summary>
public abstract record Resource(SourceLocation Location);

public sealed record CeleryResource(string RepositoryPath, string? Section, string? Note, SourceLocation Location) : Resource(Location)
{
    public bool IsFolder => RepositoryPath.EndsWith('/');
}

public sealed record LinkResource(Uri Url, string Title, string? Note, SourceLocation Location) : Resource(Location);

public sealed record TextResource(string Text, SourceLocation Location) : Resource(Location);

public enum AssessmentKind
{
    /// <summary>The file named a kind that does not exist (already reported); rules skip it.</summary>
    Unknown,
    Quiz,
    Exam,
    KnowledgeCheck,
    Lab,
    Exercise,
    Project,
    CodeReview,
    Demo,
    Review,
    Survey,
}

/// <summary>Who decides the result: the grading Action (<c>auto</c>), the bot's quiz grader (<c>quiz</c>), or an instructor (<c>review</c>).</summary>
public enum Grading
{
    /// <summary>The file named a grading that does not exist (already reported); rules skip it.</summary>
    Unknown,
    Auto,
    Quiz,
    Review,
}

public sealed record Assessment(
    string Id,
    AssessmentKind Kind,
    string Title,
    Grading Grading,
    int? Questions,
    int? TimeLimitMinutes,
    int? PassPercent,
    SourceLocation Location);
