using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Capstones;

/// <summary>
/// The rubric comment on a capstone pull request: criteria, weights, the evidence asked, how an
/// instructor scores it, and the review's status. Posted once and edited as the status changes.
/// </summary>
public static class RubricCommentWriter
{
    public const string Marker = "<!-- coursebot:rubric -->";

    public static string Write(Module module, CapstoneStatus status)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(status);
        var capstone = module.Capstone ?? throw new ArgumentException("not a capstone module", nameof(module));
        var text = new StringBuilder(Marker).Append('\n');
        text.Append(
            CultureInfo.InvariantCulture,
            $"## Rubric: Capstone {capstone.Number}, {capstone.Title} (Module {module.Number:00})\n\n"
        );
        text.Append("**Status:** ").Append(CapstoneStatusText.Describe(status)).Append("\n\n");
        text.Append("| # | Criterion | Weight | Evidence asked |\n|---:|---|---:|---|\n");
        for (var i = 0; i < capstone.Rubric.Length; i++)
        {
            var criterion = capstone.Rubric[i];
            var evidence = criterion.Evidence.Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
            text.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {criterion.Criterion} | {criterion.Weight} | {evidence} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"| | **Total** | **{capstone.Rubric.Sum(r => r.Weight)}** | |\n\n");
        text.Append("**Instructors:** score every criterion in the review's text, one line each, `criterion: points` ")
            .Append("(the criterion's text, its start, or its number, e.g. `1: 12`), or paste this table with a score column added. ")
            .Append("*Approve* with every criterion scored to pass the capstone; *Request changes* to send it back. ")
            .Append("Only reviews by the instructors team count.\n");
        return text.ToString();
    }
}
