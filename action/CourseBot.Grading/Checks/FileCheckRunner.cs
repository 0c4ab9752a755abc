using System.Text.RegularExpressions;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;

namespace CourseBot.Grading.Checks;

/// <summary>A file exists in the learner's lab folder; its content matches, or must not match, a pattern.</summary>
public sealed class FileCheckRunner : ICheckRunner
{
    private const int MaxBytes = 4 << 20;

    public Task<IReadOnlyList<TestResult>> RunAsync(CheckDefinition definition, CheckContext context, CancellationToken cancel)
    {
        var check = (FileCheck)definition;
        var started = context.Time.GetTimestamp();
        var relative = Path.Combine(context.Lab.WorkDirectory, check.Path);
        var shown = relative.Replace('\\', '/');

        string? failure = null;
        // Opened by descriptor below the work folder: a learner's worker, still running, cannot swap in a
        // link between a check of the path and the read (root would read the link's target).
        using var file = context.Sandbox.OpenInsideWork(relative);
        if (file is null)
        {
            failure = $"`{shown}` was not found in your repository";
        }
        else if (file.Length > MaxBytes)
        {
            failure = $"`{shown}` is larger than {MaxBytes >> 20} MiB";
        }
        else
        {
            var content = new StreamReader(file).ReadToEnd();
            if (check.Matches is { } pattern && !Regex.IsMatch(content, pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(2)))
            {
                failure = $"`{shown}` does not contain what the check looks for (/{pattern}/)";
            }
            else if (
                check.MustNotMatch is { } forbidden
                && Regex.IsMatch(content, forbidden, RegexOptions.Multiline, TimeSpan.FromSeconds(2))
            )
            {
                failure = $"`{shown}` contains something it must not (/{forbidden}/)";
            }
        }

        var passed = failure is null;
        IReadOnlyList<TestResult> result =
        [
            new TestResult(check.Name, check.Kind, passed ? TestStatus.Passed : TestStatus.Failed, passed ? check.Points : 0, check.Points,
                failure, null, shown, null, (long)context.Time.GetElapsedTime(started).TotalMilliseconds, passed ? null : check.Hint),
        ];
        return Task.FromResult(result);
    }
}
