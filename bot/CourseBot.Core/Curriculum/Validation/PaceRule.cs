using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>Milestones cover existing modules in order, within the pace's length; competencies name existing paths.</summary>
internal sealed class PaceRule : ICurriculumRule
{
    public void Check(Course course, DiagnosticBag bag)
    {
        var numbers = course.Modules.Select(m => m.Number).ToHashSet();
        foreach (var pace in course.Paces)
        {
            var lastModule = 0;
            var lastMonth = 0;
            foreach (var milestone in pace.Milestones)
            {
                // With an unreadable module its number is unknown; its own error is enough.
                if (
                    course.UnreadableModules.IsEmpty && !numbers.Contains(milestone.Modules.Min)
                    || !numbers.Contains(milestone.Modules.Max)
                )
                {
                    bag.Add(milestone.Location, "modules", $"modules {milestone.Modules} are not all in the course");
                }

                if (milestone.Modules.Min <= lastModule || milestone.Months.Min <= lastMonth)
                {
                    bag.Add(milestone.Location, "months", "milestones must follow each other without overlapping");
                }

                if (pace.MaxMonths is { } max && milestone.Months.Max > max)
                {
                    bag.Add(milestone.Location, "months", $"month {milestone.Months.Max} is past the pace's {max} months");
                }

                lastModule = milestone.Modules.Max;
                lastMonth = milestone.Months.Max;
            }

            if (pace.HoursPerWeek is null && pace.MaxMonths is null)
            {
                bag.Add(pace.Location, "hours_per_week", "a pace needs hours_per_week or max_months");
            }
        }

        foreach (var competency in course.Competencies.Where(c => course.FindPath(c.Path) is null))
        {
            bag.Add(competency.Location, "path", $"path '{competency.Path}' does not exist");
        }
    }
}
