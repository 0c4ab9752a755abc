namespace CourseBot.Core.Curriculum.Model;

public sealed record Competency(
    int Level,
    string Title,
    string Path,
    string Can,
    string Understands,
    string Demonstrates,
    string Produces,
    SourceLocation Location
);
