using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBot.Core.Journey.Forms;

/// <summary>
/// Reads an issue created from an issue form: GitHub renders every field as <c>### Label</c> followed
/// by the answer (<c>_No response_</c> when empty). The body is learner text: anything that is not
/// that shape yields fewer sections, never an exception.
/// </summary>
public static class IssueFormSections
{
    public const string NoResponse = "_No response_";
    private const int MaxBody = 256 * 1024;
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseTaskLists().Build();

    /// <summary>Label -> raw answer text (trimmed; empty for <c>_No response_</c>). A repeated label keeps its first answer.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? body)
    {
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(body))
        {
            return sections;
        }

        var text = (body.Length > MaxBody ? body[..MaxBody] : body).Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdown.Parse(text, Pipeline);
        string? label = null;
        var start = 0;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 3 } heading)
            {
                Close(sections, label, text, start, heading.Span.Start);
                label = Inline(heading.Inline).Trim();
                start = heading.Span.End + 1;
            }
        }

        Close(sections, label, text, start, text.Length);
        return sections;
    }

    private static void Close(Dictionary<string, string> sections, string? label, string text, int start, int end)
    {
        if (string.IsNullOrEmpty(label) || sections.ContainsKey(label))
        {
            return;
        }

        var value = start < end && start < text.Length ? text[start..Math.Min(end, text.Length)].Trim() : "";
        sections[label] = value == NoResponse ? "" : value;
    }

    private static string Inline(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var parts = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants<LiteralInline>())
        {
            parts.Append(child.Content.ToString());
        }

        return parts.ToString();
    }
}
