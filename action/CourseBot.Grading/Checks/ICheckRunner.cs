using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;

namespace CourseBot.Grading.Checks;

/// <summary>Runs one kind of check. Expected failures are results, never exceptions.</summary>
public interface ICheckRunner
{
    Task<IReadOnlyList<TestResult>> RunAsync(CheckDefinition definition, CheckContext context, CancellationToken cancel);
}
