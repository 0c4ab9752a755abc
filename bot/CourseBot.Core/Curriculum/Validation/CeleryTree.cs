namespace CourseBot.Core.Curriculum.Validation;

/// <summary>
/// The list of files in the public Celery repository at one commit (<c>celery-tree.txt</c>), used
/// to prove that every Celery path a lesson cites exists. Lines starting with <c>#</c> are comments;
/// the first comment names the source commit.
/// </summary>
public sealed class CeleryTree
{
    public const string FileName = "celery-tree.txt";

    private readonly HashSet<string> _files;
    private readonly HashSet<string> _folders;

    public CeleryTree(IEnumerable<string> lines)
    {
        _files = new HashSet<string>(StringComparer.Ordinal);
        _folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                Source ??= line.TrimStart('#', ' ');
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            _files.Add(line);
            for (var slash = line.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = line.IndexOf('/', slash + 1))
            {
                _folders.Add(line[..(slash + 1)]);
            }
        }
    }

    /// <summary>The header that names the repository commit the list was taken from.</summary>
    public string? Source { get; private set; }

    public int FileCount => _files.Count;

    public static CeleryTree Load(string path) => new(File.ReadLines(path));

    /// <summary>True for a listed file, or for a folder (written with a trailing <c>/</c>) that holds a listed file.</summary>
    public bool Contains(string path) => path.EndsWith('/') ? _folders.Contains(path) : _files.Contains(path);
}
