using System.Text;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Splits a Markdown table row into cells the way GitHub (cmark-gfm) does, before any inline parsing:
/// a backslash and the character after it are one unit, every other pipe ends a cell, and <c>\|</c>
/// becomes <c>|</c> in the cell's text.
/// </summary>
internal static class GfmTable
{
    public static IReadOnlyList<string> Rows(string markdown) =>
        markdown.Split('\n').Where(l => l.StartsWith('|')).ToList();

    public static IReadOnlyList<string> Cells(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var text = row.Trim();
        for (var i = text.StartsWith('|') ? 1 : 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                cell.Append(text[i + 1] == '|' ? "|" : text.Substring(i, 2));
                i++;
            }
            else if (text[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(text[i]);
            }
        }

        if (cell.ToString().Trim().Length > 0)
        {
            cells.Add(cell.ToString().Trim());
        }

        return cells;
    }
}
