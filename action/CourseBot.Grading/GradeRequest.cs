namespace CourseBot.Grading;

/// <summary>What to grade and where to report it; filled from Action inputs or <c>coursebot grade</c> options.</summary>
public sealed record GradeRequest
{
    public required string Lab { get; init; }

    public required string Workspace { get; init; }

    public string Curriculum { get; init; } = "curriculum";

    /// <summary>A GitHub Classroom autograding.json to grade instead of a curriculum lab.</summary>
    public string? ClassroomFile { get; init; }

    public string? Sha { get; init; }

    public string? ResultFile { get; init; }

    /// <summary>Where GitHub Actions wants the summary and outputs (null outside Actions).</summary>
    public string? SummaryFile { get; init; }

    public string? OutputFile { get; init; }

    public bool Annotations { get; init; }
}
