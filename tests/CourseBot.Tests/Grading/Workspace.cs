namespace CourseBot.Tests.Grading;

/// <summary>A learner repository written by a test, deleted afterwards.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace(IReadOnlyDictionary<string, string> files)
    {
        Root = Path.Combine(Path.GetTempPath(), "coursebot-ws-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }

    public string Root { get; }

    public static string Curriculum => Path.Combine(AppContext.BaseDirectory, "Fixtures", "grading", "curriculum");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
