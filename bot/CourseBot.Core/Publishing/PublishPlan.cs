using System.Globalization;
using System.Text;

namespace CourseBot.Core.Publishing;

/// <summary>Everything publish did (or, in a dry run, would do), in order; and the pins it ended with.</summary>
public sealed class PublishPlan
{
    private readonly List<PlanItem> _items = [];

    public IReadOnlyList<PlanItem> Items => _items;

    public bool DryRun { get; init; }

    /// <summary><c>ORG/ACTION@sha</c>: what the course's grade.yml uses.</summary>
    public string GraderAction { get; set; } = "";

    /// <summary><c>ORG/COURSE/.github/workflows/grade.yml@sha</c>: what the learner shim calls, and the bot allows.</summary>
    public string CourseWorkflow { get; set; } = "";

    public int Changes => _items.Count(i => i.Action != PlanAction.Unchanged);

    public void Add(PlanItem item) => _items.Add(item);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(DryRun ? "Dry run: nothing is written." : "Published.");
        foreach (var item in _items)
        {
            var action = item.Action.ToString().ToLowerInvariant();
            var kind = item.Kind.ToString().ToLowerInvariant();
            var detail = item.Detail.Length > 0 ? "  (" + item.Detail + ")" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {action,-9} {kind,-10} {item.Target}{detail}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{Changes} change(s), {_items.Count - Changes} unchanged.");
        return text.ToString();
    }
}
