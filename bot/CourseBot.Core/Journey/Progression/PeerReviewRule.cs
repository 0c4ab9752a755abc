using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// The path rule <c>passing.path.peer_review</c>: <c>required</c> asks for one counted peer review given per path, a number
/// for that many, anything else (<c>none</c>, empty) for none. A review counts for the path holding the reviewed capstone,
/// so the rule applies only to paths with a capstone module: elsewhere there is nothing for peers to review.
/// </summary>
public static class PeerReviewRule
{
    public static int Required(Course course, LearningPath path)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.AllModules.Any(id => course.FindModule(id)?.Capstone is not null))
        {
            return 0;
        }

        var rule = course.Passing.Path.PeerReview.Trim();
        return rule.Equals("required", StringComparison.OrdinalIgnoreCase) ? 1
            : int.TryParse(rule, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }
}
