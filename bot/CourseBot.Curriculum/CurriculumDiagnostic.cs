using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum;

/// <summary>One problem found in the curriculum: where it is, which field, and what was expected.</summary>
public sealed record CurriculumDiagnostic(SourceLocation Location, string Field, string Message)
{
    public override string ToString() =>
        Field.Length == 0 ? $"{Location}: error: {Message}" : $"{Location}: error: {Field}: {Message}";
}

/// <summary>Collects diagnostics so that one run reports every problem, not only the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<CurriculumDiagnostic> _items = [];

    public IReadOnlyList<CurriculumDiagnostic> Items => _items;

    public void Add(SourceLocation location, string field, string message) => _items.Add(new(location, field, message));

    public void AddRange(IEnumerable<CurriculumDiagnostic> diagnostics) => _items.AddRange(diagnostics);
}
