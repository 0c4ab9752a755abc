using System.CommandLine;
using CourseBot.Grading;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot lab prove KEY</c> (or <c>--all</c>): the starter must not pass, the reference solution and every
/// <c>alt/</c> variant must score full marks, every <c>wrong/</c> variant must score below the pass mark.
/// </summary>
internal static class LabCommandLine
{
    public static Command Build()
    {
        var key = new Argument<string?>("LAB")
        {
            Description = "module/lab, or a lab id unique in the course.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var all = new Option<bool>("--all") { Description = "Prove every lab of the course, one after the other." };
        var curriculum = new Option<string?>("--curriculum", "-c")
        {
            Description = "The curriculum folder (default: ./curriculum, searched upwards).",
        };
        var broker = new Option<string?>("--broker")
        {
            Description = "Redis URL for Celery labs (default: a private redis-server for this run).",
        };
        var user = new Option<string>("--learner-user")
        {
            Description = "The prefix of the names of the users learner code runs as (root runs: a fresh user per lab).",
            DefaultValueFactory = _ => SandboxIdentity.LearnerUser,
        };
        var seed = SeedOption.Create();
        var prove = new Command(
            "prove",
            "Grade a lab's starter (must not pass), its solution and alt/ variants (full marks) and wrong/ variants (below the pass mark)."
        )
        {
            key, all, curriculum, broker, user, seed,
        };
        prove.Validators.Add(result =>
        {
            if (result.GetValue(all) == (result.GetValue(key) is not null))
            {
                result.AddError("Give a LAB or --all (not both).");
            }
        });
        prove.SetAction(
            (parsed, cancel) =>
            {
                var root = CurriculumLocator.Resolve(parsed.GetValue(curriculum));
                var keys = parsed.GetValue(all)
                    ? LabReader.Discover(root).Select(l => $"{l.Module}/{l.Lab}").ToList()
                    : [parsed.GetValue(key)!];
                return ProveAsync(
                    root,
                    keys,
                    parsed.GetValue(broker),
                    parsed.GetValue(user)!,
                    SeedOption.Resolve(parsed.GetValue(seed)),
                    Console.Out,
                    cancel
                );
            }
        );
        var command = new Command("lab", "Work on the course's labs.");
        command.Subcommands.Add(prove);
        return command;
    }

    /// <summary>Proves <paramref name="keys"/> one after the other: 0 when all is proven, 1 when anything is not, 2 when a lab cannot be
    /// read.</summary>
    internal static async Task<int> ProveAsync(
        string root,
        IReadOnlyList<string> keys,
        string? broker,
        string user,
        int? seed,
        TextWriter output,
        CancellationToken cancel
    )
    {
        var labs = new List<LabDefinition>();
        foreach (var loaded in keys.Select(k => LabReader.Find(root, k)))
        {
            if (loaded.Lab is not { } lab)
            {
                foreach (var diagnostic in loaded.Diagnostics)
                {
                    await output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                }

                return 2;
            }

            labs.Add(lab);
        }

        await using var redis = broker is null ? await PrivateRedis.StartAsync(Console.Error, cancel).ConfigureAwait(false) : null;
        var grader = new Grader(
            new SandboxOptions { LearnerUser = user },
            GradeCommandLine.Environment(broker ?? redis?.BrokerUrl) with
            {
                Seed = seed,
            }
        );
        var proof = new LabProof(Path.GetDirectoryName(Path.GetFullPath(root))!, grader);
        var writer = new ProofConsoleWriter(output);
        for (var i = 0; i < labs.Count; i++)
        {
            var lab = labs[i];
            writer.Heading(i + 1, labs.Count, lab);
            writer.LabDone(await proof.RunAsync(lab, v => writer.Verdict(lab, v), cancel).ConfigureAwait(false));
            // Findings quote the starter's files: printed inert.
            var findings = LearnerWrittenState.Find(lab, proof.StarterOf(lab)).ToList();
            if (findings.Count > 0)
            {
                WorkflowCommands.WriteInert(output, inert => findings.ForEach(f => inert.WriteLine("  " + f)));
            }
        }

        return writer.Summary() ? 0 : 1;
    }
}
