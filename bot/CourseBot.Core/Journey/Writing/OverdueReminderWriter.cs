using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Progression;

namespace CourseBot.Core.Journey.Writing;

/// <summary>The reminder posted in a module's issue when it becomes overdue by a threshold: what is left and the ways to more
/// time.</summary>
public static class OverdueReminderWriter
{
    public static string Write(Course course, LearnerProgress progress, DueReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(reminder);
        var module = reminder.Module;
        var text = new StringBuilder();
        text.Append(
            CultureInfo.InvariantCulture,
            $"⏰ @{progress.Enrollment.Login}, **Module {module.Module.Number:00} · {module.Module.Title}** was due on "
            + $"{module.Due!.DueOn:yyyy-MM-dd} "
        );
        text.Append(
            CultureInfo.InvariantCulture,
            $"and is {reminder.DaysOverdue} {(reminder.DaysOverdue == 1 ? "day" : "days")} overdue.\n\n"
        );
        var left = module.Assessments.Where(a => a.Required && !a.Done).ToList();
        if (left.Count > 0)
        {
            text.Append("Still to do:\n\n");
            foreach (var assessment in left)
            {
                text.Append("- [ ] ").Append(assessment.Assessment.Title).Append('\n');
            }

            text.Append('\n');
        }

        text.Append("Need more time? Ask an instructor for an extension (`/extend`), change your pace with `/pace PACE` (")
            .Append(string.Join(", ", course.Paces.Select(p => $"`{p.Id}`")))
            .Append("), or `/pause` while you are away. `/help` shows where this module stands.");
        return text.ToString();
    }
}
