using System.Text.Json;
using CourseBot.Grading;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>Runs the real grading command (sandbox, user switch when root) and keeps everything it wrote.</summary>
internal sealed class GradingHarness : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "coursebot-grading-" + Guid.NewGuid().ToString("N"));

    public GradingHarness(RedisServer? redis = null)
    {
        Directory.CreateDirectory(_dir);
        Curriculum = Workspace.Curriculum;
        Environment = redis is null
            ? new GradingEnvironment()
            : new GradingEnvironment { BrokerUrl = redis.Url(0), BackendUrl = redis.Url(1) };
    }

    public string Curriculum { get; private set; }

    public GradingEnvironment Environment { get; }

    public string Log { get; private set; } = "";

    public string Summary => File.Exists(SummaryFile) ? File.ReadAllText(SummaryFile) : "";

    public string Outputs => File.Exists(OutputFile) ? File.ReadAllText(OutputFile) : "";

    private string SummaryFile => Path.Combine(_dir, "summary.md");

    private string OutputFile => Path.Combine(_dir, "output.txt");

    private string ResultFile => Path.Combine(_dir, "result.json");

    /// <summary>Grades against another curriculum (the course's own, for its labs).</summary>
    public GradingHarness WithCurriculum(string curriculum)
    {
        Curriculum = curriculum;
        return this;
    }

    /// <summary>Uses a curriculum of its own with one lab (module demo) defined by <paramref name="labYaml"/> and hidden files.</summary>
    public GradingHarness WithLab(string labId, string labYaml, IReadOnlyDictionary<string, string>? hidden = null)
    {
        Curriculum = Path.Combine(_dir, "curriculum");
        var labDir = Path.Combine(Curriculum, "modules", "01-demo", "labs", labId);
        Directory.CreateDirectory(Path.Combine(labDir, "hidden"));
        File.WriteAllText(Path.Combine(labDir, "lab.yml"), labYaml);
        foreach (var (name, content) in hidden ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(labDir, "hidden", name), content);
        }

        return this;
    }

    public async Task<(int Exit, GradeResult? Result)> GradeAsync(string lab, Workspace workspace, string? classroom = null)
    {
        var log = new StringWriter();
        var exit = await GradeCommand.RunAsync(
            new GradeRequest
            {
                Lab = lab,
                Workspace = workspace.Root,
                Curriculum = Curriculum,
                ClassroomFile = classroom,
                Sha = "0123456789abcdef0123456789abcdef01234567",
                ResultFile = ResultFile,
                SummaryFile = SummaryFile,
                OutputFile = OutputFile,
                Annotations = true,
            },
            Environment,
            new SandboxOptions(),
            log,
            CancellationToken.None);
        Log = log.ToString();
        var result = File.Exists(ResultFile)
            ? JsonSerializer.Deserialize(File.ReadAllText(ResultFile), GradeResultJsonContext.Default.GradeResult)
            : null;
        return (exit, result);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
