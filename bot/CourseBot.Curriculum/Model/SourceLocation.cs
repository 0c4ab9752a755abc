namespace CourseBot.Core.Curriculum.Model;

/// <summary>Where a value came from: a file (relative to the folder above the curriculum root), 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for a whole file (no YAML node to point at).</summary>
    public static SourceLocation OfFile(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
