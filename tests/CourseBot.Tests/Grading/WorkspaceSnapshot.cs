namespace CourseBot.Tests.Grading;

/// <summary>Every file under a folder with its size and time: grading must leave the learner's checkout as it found it.</summary>
internal static class WorkspaceSnapshot
{
    public static List<string> Of(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => new FileInfo(p))
            .Select(f => $"{Path.GetRelativePath(root, f.FullName)} {(f.Exists ? f.Length : -1)} {f.LastWriteTimeUtc.Ticks}")];
}
