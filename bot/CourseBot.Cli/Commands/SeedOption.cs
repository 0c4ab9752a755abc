using System.CommandLine;
using CourseBot.Grading;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>--seed N</c> (or <c>COURSEBOT_SEED</c> in the instructor's shell): reruns a grade with the seed its notes reported.
/// Only the CLI takes it; the Action always draws its own, so a learner's workflow cannot fix the inputs.
/// </summary>
internal static class SeedOption
{
    public static Option<int?> Create() =>
        new("--seed")
        {
            Description =
                $"The {GradingEnvironment.SeedVariable} for hidden tests and checks (default: ${GradingEnvironment.SeedVariable}, else a "
                + $"fresh one per lab).",
        };

    public static int? Resolve(int? given) =>
        given ?? GradingEnvironment.ParseSeed(System.Environment.GetEnvironmentVariable(GradingEnvironment.SeedVariable));
}
