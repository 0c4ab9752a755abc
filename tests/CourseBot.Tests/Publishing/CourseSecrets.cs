using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CourseBot.Tests.Publishing;

/// <summary>
/// What must stay with the bot, read from the curriculum: every hidden test, reference solution and proof variant
/// (whole, and each substantial line the learner template does not already show), every lab.yml, every quiz
/// answer and explanation. <see cref="Find"/> names each one a published file gives away.
/// </summary>
internal sealed partial class CourseSecrets
{
    private const int SubstantialLine = 40;
    private const int SubstantialFile = 120;

    /// <summary>A lab's folders of grading material; wrong/ and alt/ (lab proofs) are solutions too, right or plausibly wrong.</summary>
    private static readonly string[] GradingFolders = ["hidden", "solution", "wrong", "alt"];
    private readonly List<(string Source, string Text)> _wholes = [];
    private readonly List<(string Source, string Line)> _lines = [];
    private readonly List<(string Source, string Text)> _explanations = [];
    private readonly string _templateText;

    public CourseSecrets(string repositoryRoot)
    {
        var modules = Path.Combine(repositoryRoot, "curriculum", "modules");
        // Lines the learner template already shows (imports, the calls a starter README explains) give nothing away.
        var template = Files(Path.Combine(repositoryRoot, "templates", "learner")).Select(File.ReadAllText).ToList();
        var shown = template
            .SelectMany(t => t.Split('\n'))
            .SelectMany(l => new[] { l.Trim(), WithoutComment(l) })
            .ToHashSet(StringComparer.Ordinal);
        var shownFiles = template.Select(Normalized).ToHashSet(StringComparer.Ordinal);
        _templateText = string.Join('\n', template);
        foreach (var labYml in Directory.GetFiles(modules, "lab.yml", SearchOption.AllDirectories))
        {
            var lab = Path.GetDirectoryName(labYml)!;
            _wholes.Add((Relative(repositoryRoot, labYml), File.ReadAllText(labYml)));
            foreach (var file in GradingFolders.SelectMany(f => Files(Path.Combine(lab, f))))
            {
                var relative = Relative(repositoryRoot, file);
                var text = File.ReadAllText(file);
                // A solution file the template already holds (a later lab's starter builds on it) is public.
                if (!shownFiles.Contains(Normalized(text)) && text.Trim().Length >= SubstantialFile)
                {
                    _wholes.Add((relative, text));
                }

                _lines.AddRange(
                    text.Split('\n')
                        .Select(l => l.Trim())
                        .Where(l => l.Length >= SubstantialLine && !shown.Contains(l))
                        .Select(l => (relative, l))
                );
            }
        }

        foreach (
            var quiz in Directory
                .GetFiles(modules, "*.yml", SearchOption.AllDirectories)
                .Where(f => f.Contains("/quizzes/", StringComparison.Ordinal))
        )
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(quiz))
            {
                yaml.Load(reader);
            }

            foreach (var node in yaml.Documents.SelectMany(d => d.AllNodes).OfType<YamlMappingNode>())
            {
                if (
                    node.Children.TryGetValue(new YamlScalarNode("explanation"), out var explanation)
                    && explanation is YamlScalarNode { Value: { Length: > 30 } text }
                )
                {
                    _explanations.Add((Relative(repositoryRoot, quiz), Normalized(text)));
                }
            }
        }
    }

    /// <summary>How many secrets are known (a test that found none would prove nothing).</summary>
    public (int Files, int Lines, int Explanations) Counts => (_wholes.Count, _lines.Count, _explanations.Count);

    /// <summary>Each secret <paramref name="content"/> (published as <paramref name="name"/>) holds, and each placeholder left in
    /// it.</summary>
    public IEnumerable<string> Find(string name, string content)
    {
        if (
            name.EndsWith("lab.yml", StringComparison.Ordinal)
            || name.Contains("/hidden/", StringComparison.Ordinal)
            || name.Contains("/solution/", StringComparison.Ordinal)
            || name.Contains("/wrong/", StringComparison.Ordinal)
            || name.Contains("/alt/", StringComparison.Ordinal)
            || name.EndsWith("proof.yml", StringComparison.Ordinal)
        )
        {
            yield return $"{name}: a lab's grading file by its name";
        }

        var normalized = Normalized(content);
        foreach (
            var (source, text) in _wholes.Where(w =>
                w.Text.Trim().Length > 0 && normalized.Contains(Normalized(w.Text), StringComparison.Ordinal)
            )
        )
        {
            yield return $"{name}: holds all of {source}";
        }

        // A line inside a template line (a hint in a starter's README or comment) is shown to learners on purpose.
        var lines = _lines.Where(l =>
            content.Contains(l.Line, StringComparison.Ordinal) && !_templateText.Contains(l.Line, StringComparison.Ordinal)
        );
        foreach (var (source, line) in lines.DistinctBy(l => l.Source))
        {
            yield return $"{name}: holds a line of {source}: {line}";
        }

        foreach (
            var (source, _) in _explanations.Where(e => normalized.Contains(e.Text, StringComparison.Ordinal)).DistinctBy(e => e.Source)
        )
        {
            yield return $"{name}: holds a quiz explanation of {source}";
        }

        if (AnswerKey().IsMatch(content))
        {
            yield return $"{name}: holds an answer: key";
        }

        foreach (var placeholder in Core.Publishing.Placeholders.Left(content).Distinct())
        {
            yield return $"{name}: placeholder {placeholder} left";
        }
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.Contains("__pycache__", StringComparison.Ordinal))
            : [];

    /// <summary>A line without its trailing comment (<c>import x  # noqa</c>), roughly: cut at the first " #".</summary>
    private static string WithoutComment(string line) =>
        (line.IndexOf(" #", StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line).Trim();

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    private static string Normalized(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?m)^\s*-?\s*answer\s*:")]
    private static partial Regex AnswerKey();
}
