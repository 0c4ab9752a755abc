using CourseBot.Core.Curriculum.Validation;

namespace CourseBot.Tests.Curriculum;

/// <summary>A private copy of a small valid curriculum (Fixtures/minimal) that a test breaks one way.</summary>
internal sealed class CurriculumFixture : IDisposable
{
    private readonly string _workspace;

    public CurriculumFixture()
    {
        _workspace = Path.Combine(Path.GetTempPath(), "coursebot-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(_workspace, "curriculum");
        Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "minimal"), Root);
    }

    /// <summary>The curriculum folder; diagnostics show files as <c>curriculum/...</c>.</summary>
    public string Root { get; }

    public CurriculumFixture Edit(string relativePath, string find, string replace)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return this;
    }

    public CurriculumFixture Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public CurriculumFixture Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public CurriculumFixture Move(string from, string to)
    {
        Directory.Move(Path.Combine(Root, from), Path.Combine(Root, to));
        return this;
    }

    public CurriculumReport Validate() => CurriculumValidator.ValidateFolder(Root);

    /// <summary>The diagnostics as the CLI prints them.</summary>
    public string[] Errors() => Validate().Diagnostics.Select(d => d.ToString()).ToArray();

    public void Dispose()
    {
        if (Directory.Exists(_workspace))
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
