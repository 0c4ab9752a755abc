using System.Text.RegularExpressions;

namespace CourseBot.Grading.Labs;

/// <summary>
/// Flags a hidden test that reads state the starter writes: a Redis key prefix or a file name that a hidden test
/// names and a starter file writes. The learner owns the starter, so such a test measures what the learner can
/// forge (the retry exercise once judged retries from an attempt log its own starter kept). A heuristic for
/// course authors (<c>coursebot lab prove</c> prints it): labs whose deliverable is state the learner writes
/// (a dead letter, a metrics key) are flagged too, and are fine when the test judges that state as output only.
/// </summary>
public static partial class LearnerWrittenState
{
    public sealed record Finding(string Name, string StarterFile, int Line)
    {
        public override string ToString() =>
            $"warning: a hidden test reads '{Name}', which the starter's {StarterFile}:{Line} writes: the learner can write it too";
    }

    public static List<Finding> Find(LabDefinition lab, string starterDirectory)
    {
        ArgumentNullException.ThrowIfNull(lab);
        if (!Directory.Exists(lab.HiddenDirectory) || !Directory.Exists(starterDirectory))
        {
            return [];
        }

        var read = Directory.EnumerateFiles(lab.HiddenDirectory, "*.py", SearchOption.AllDirectories)
            .SelectMany(f => StateName().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .Where(n => n.Length >= 4)
            .ToHashSet(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var file in Directory.EnumerateFiles(starterDirectory, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!Write().IsMatch(lines[i]))
                {
                    continue;
                }

                foreach (var name in read.Where(n => lines[i].Contains(n, StringComparison.Ordinal)))
                {
                    findings.Add(new Finding(name, Path.GetRelativePath(starterDirectory, file), i + 1));
                }
            }
        }

        return findings;
    }

    /// <summary>A quoted key prefix (<c>"flaky:</c>, <c>f"saga-lab:</c>) or file name (<c>"attempts.json"</c>) up to its first
    /// placeholder.</summary>
    [GeneratedRegex(@"f?[""'](?<name>[A-Za-z0-9_.-]+:[A-Za-z0-9_:.-]*|[A-Za-z0-9_-]+\.(?:json|log|txt|csv|db))")]
    private static partial Regex StateName();

    /// <summary>A line that writes Redis or a file.</summary>
    [GeneratedRegex(@"\.(?:rpush|lpush|set|setex|hset|hincrby|incr|incrby|sadd|zadd|xadd|append|write|write_text)\(|open\([^)]*[""'][wa]")]
    private static partial Regex Write();
}
