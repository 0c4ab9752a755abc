using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Progression;

namespace CourseBot.Core.Journey.Writing;

/// <summary>
/// The reply to <c>/help</c>: where the module of the issue stands (or the learner's current module, outside a module
/// issue), what each required assessment still asks, the path's count, and the commands a learner can use.
/// </summary>
public static class HelpReplyWriter
{
    public static string Write(LearnerProgress progress, string? moduleId)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var text = new StringBuilder();
        var module = moduleId is null ? progress.Current : progress.Module(moduleId);
        if (module is not null)
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $"**Module {module.Module.Number:00} · {module.Module.Title}** is {State(module.State)}."
            );
            if (module.Due is { } due)
            {
                text.Append(CultureInfo.InvariantCulture, $" Due {due.DueOn:yyyy-MM-dd}.");
            }

            text.Append("\n\n");
            foreach (var assessment in module.Assessments.Where(a => a.Required))
            {
                text.Append(assessment.Done ? "- [x] " : "- [ ] ")
                    .Append(assessment.Assessment.Title)
                    .Append(": ")
                    .Append(Next(module.Module, assessment))
                    .Append('\n');
            }
        }

        var path = progress.Paths.FirstOrDefault(p => p.Unlocked && !p.Complete) ?? progress.Paths[0];
        text.Append(
            CultureInfo.InvariantCulture,
            $"\nPath {path.Path.Number}: {path.Passed} of {path.Total} modules passed. Your README shows the whole picture.\n\n"
        );
        text.Append(
            "Commands: `/quiz` starts this module's quiz · `/recheck` grades your latest commit again · `/help` shows this · `/pace PACE`, "
            + "`/pause` and `/resume` change your schedule."
        );
        return text.ToString();
    }


    private static string Next(Module module, AssessmentProgress assessment) =>
        assessment.Done
            ? assessment.Percent is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"done ({p:0.#} %)")
                : assessment.Score is { } s
                    ? string.Create(CultureInfo.InvariantCulture, $"done ({s:0.##} / {assessment.MaxScore:0.##})")
                    : "done"
            : assessment.Assessment.Grading switch
            {
                Grading.Quiz => assessment.Percent is { } best
                    ? string.Create(CultureInfo.InvariantCulture, $"best so far {best:0.#} %; comment `/quiz` to try again")
                    : "comment `/quiz` to start it",
                Grading.Auto => assessment.Score is { } score
                    ? string.Create(
                        CultureInfo.InvariantCulture,
                        $"best so far {score:0.##} / {assessment.MaxScore:0.##}; the results comment shows what to fix, then push"
                    )
                    : $"push your work in `labs/{module.Id}/{assessment.Id}/`",
                _ => "show your work in a comment here; an instructor approves it",
            };

    private static string State(ModuleState state) =>
        state switch
        {
            ModuleState.Passed => "passed ✅",
            ModuleState.InProgress => "in progress",
            ModuleState.Open => "open",
            _ => "locked",
        };
}
