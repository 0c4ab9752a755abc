using System.Globalization;
using System.Text.Json;
using CourseBot.Grading.Classroom;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Grading;

/// <summary>The grading run shared by the Action's binary and <c>coursebot grade</c>: load, grade, report.</summary>
public static class GradeCommand
{
    /// <summary>Exit codes: 0 passed, 1 not passed, 2 the lab or the request is broken.</summary>
    public static async Task<int> RunAsync(
        GradeRequest request,
        GradingEnvironment environment,
        SandboxOptions options,
        TextWriter output,
        CancellationToken cancel
    ) => (await GradeAsync(request, environment, options, output, cancel).ConfigureAwait(false)).Exit;

    /// <summary>Grades and reports; the result is null when the lab or the request is broken (exit 2).</summary>
    public static async Task<(int Exit, GradeResult? Result)> GradeAsync(
        GradeRequest request,
        GradingEnvironment environment,
        SandboxOptions options,
        TextWriter output,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (!OperatingSystem.IsLinux())
        {
            await output
                .WriteLineAsync("coursebot grade: grading runs on Linux only (it needs users, /proc, prlimit and setpriv).")
                .ConfigureAwait(false);
            return (2, null);
        }

        if (!Directory.Exists(request.Workspace))
        {
            await output.WriteLineAsync($"coursebot grade: workspace '{request.Workspace}' not found.").ConfigureAwait(false);
            return (2, null);
        }

        LabDefinition lab;
        if (request.ClassroomFile is { } classroom)
        {
            try
            {
                lab = ClassroomAutograding.Read(classroom, request.Lab);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                await output.WriteLineAsync("coursebot grade: " + ex.Message).ConfigureAwait(false);
                return (2, null);
            }
        }
        else
        {
            if (SandboxIdentity.IsRoot && Directory.Exists(request.Curriculum))
            {
                // The course's checkout holds hidden tests and reference solutions: no other user may read it.
                await Processes.RunToEndAsync("chmod", ["-R", "go-rwx", request.Curriculum], cancel).ConfigureAwait(false);
            }

            var loaded = LabReader.Find(request.Curriculum, request.Lab);
            if (loaded.Lab is null)
            {
                foreach (var diagnostic in loaded.Diagnostics)
                {
                    await output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                }

                return (2, null);
            }

            lab = loaded.Lab;
        }

        await output
            .WriteLineAsync($"Grading {lab.Key}: {lab.Title} ({lab.Checks.Length} checks, {lab.MaxScore} points)")
            .ConfigureAwait(false);
        var result = await new Grader(options, environment).GradeAsync(lab, request.Workspace, request.Sha, cancel).ConfigureAwait(false);
        ConsoleReport.WriteTable(result, output);
        if (request.Annotations)
        {
            ConsoleReport.WriteAnnotations(result, output);
        }

        if (request.ResultFile is { } resultFile)
        {
            await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, GradeResultJsonContext.Default.GradeResult), cancel)
                .ConfigureAwait(false);
        }

        if (request.SummaryFile is { } summary)
        {
            await File.AppendAllTextAsync(summary, SummaryWriter.Write(result, lab.Title), cancel).ConfigureAwait(false);
        }

        if (request.OutputFile is { } outputs)
        {
            var invariant = CultureInfo.InvariantCulture;
            await File.AppendAllTextAsync(
                    outputs,
                    string.Create(
                        invariant,
                        $"score={result.Score}\nmax-score={result.MaxScore}\npassed={(result.Passed ? "true" : "false")}\n"
                        + $"result-file={request.ResultFile ?? ""}\n"
                    ),
                    cancel
                )
                .ConfigureAwait(false);
        }

        return (result.Passed ? 0 : 1, result);
    }
}
