using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum;

/// <summary>Collects diagnostics so that one run reports every problem, not only the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<CurriculumDiagnostic> _items = [];

    public IReadOnlyList<CurriculumDiagnostic> Items => _items;

    public void Add(SourceLocation location, string field, string message) => _items.Add(new(location, field, message));

    public void AddRange(IEnumerable<CurriculumDiagnostic> diagnostics) => _items.AddRange(diagnostics);
}
