using System.Text.RegularExpressions;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// Evaluates the <c>${{ ... }}</c> expressions the workflows use in <c>env:</c>, <c>with:</c> and
/// <c>working-directory:</c>: plain context look-ups (<c>inputs.x</c>, <c>steps.x.outputs.y</c>,
/// <c>env.X</c>, <c>runner.temp</c>, ...). Anything else throws, so a new kind of expression in a
/// workflow makes the harness fail instead of being read as an empty string.
/// </summary>
internal static partial class StepExpressions
{
    public static string Evaluate(string text, IReadOnlyDictionary<string, string> context) =>
        Expression().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (context.TryGetValue(name, out var value))
            {
                return value;
            }

            // A step output that was never written evaluates to the empty string, as on GitHub.
            if (name.StartsWith("steps.", StringComparison.Ordinal) && name.Contains(".outputs.", StringComparison.Ordinal))
            {
                return "";
            }

            throw new InvalidOperationException($"the harness cannot evaluate '{match.Value}'");
        });

    [GeneratedRegex(@"\$\{\{\s*(?<name>[A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Expression();
}
