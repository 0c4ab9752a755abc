using System.Text;

namespace CourseBot.Core.Journey.Writing;

/// <summary>
/// Puts text the bot does not control (learner answers, test output, logins) into Markdown the bot
/// writes, so it shows as text: no HTML, no mentions that notify people, no broken tables.
/// </summary>
public static class MarkdownText
{
    /// <summary>One table cell: a single line, pipes and Markdown/HTML characters escaped, capped.</summary>
    public static string Cell(string? text, int max = 200)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var flat = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (flat.Length > max)
        {
            flat = flat[..max] + "…";
        }

        return Escape(flat);
    }

    /// <summary>Escapes Markdown and HTML metacharacters, and breaks <c>@mentions</c> and <c>#references</c> with a zero-width
    /// joiner.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '|' or '`' or '*' or '_' or '[' or ']' or '\\' or '~' or '!': builder.Append('\\').Append(c); break;
                case '@' or '#': builder.Append(c).Append('\u2060'); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
