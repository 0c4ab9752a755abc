namespace CourseBot.Core.Curriculum.Loading;

/// <summary>Shows file paths relative to the folder above the curriculum root (<c>curriculum/modules/...</c>), with forward
/// slashes.</summary>
public sealed class DisplayPaths(string root)
{
    private readonly string _base = Path.GetDirectoryName(root) ?? root;

    public string Of(string fullPath) => Path.GetRelativePath(_base, fullPath).Replace('\\', '/');
}
