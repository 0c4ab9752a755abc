using System.Text;
using System.Text.RegularExpressions;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// Where a question's reference points: a page of the Celery 5.2.6 documentation for
/// <c>docs/**.rst</c> (with the section's Sphinx anchor), the file in the Celery repository at v5.2.6 for
/// any other path, or the URL itself.
/// </summary>
internal static partial class ReferenceLink
{
    public const string DocsBase = "https://docs.celeryq.dev/en/v5.2.6/";
    public const string SourceBase = "https://github.com/celery/celery/blob/v5.2.6/";

    /// <summary>The link and its text, or null for an empty or unusable reference.</summary>
    public static (Uri Url, string Text)? Of(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        if (IsUrl(reference, out var url))
        {
            return (url, url.Host);
        }

        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var path = (hash < 0 ? reference : reference[..hash]).Trim().TrimStart('/');
        var section = hash < 0 ? null : reference[(hash + 1)..].Trim();
        section = string.IsNullOrEmpty(section) ? null : section;
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

        if (path.StartsWith("docs/", StringComparison.Ordinal) && path.EndsWith(".rst", StringComparison.Ordinal))
        {
            var page = escaped["docs/".Length..^".rst".Length] + ".html";
            var anchor = section is null ? "" : SphinxId(section);
            var target = new Uri(DocsBase + page + (anchor.Length > 0 ? "#" + anchor : ""));
            return (target, section ?? path["docs/".Length..]);
        }

        return (new Uri(SourceBase + escaped), section is null ? path : $"{path} ({section})");
    }

    public static bool IsUrl(string reference, out Uri url) =>
        Uri.TryCreate(reference, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    /// <summary>The id docutils gives a section title (<c>nodes.make_id</c>): "What's a Task Queue?" -> "what-s-a-task-queue".</summary>
    public static string SphinxId(string title)
    {
        var ascii = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant().Normalize(NormalizationForm.FormKD))
        {
            if (c < 128)
            {
                ascii.Append(c);
            }
        }

        return NonId().Replace(ascii.ToString(), "-").TrimStart('-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9').TrimEnd('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonId();
}
