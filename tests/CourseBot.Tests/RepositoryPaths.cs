namespace CourseBot.Tests;

/// <summary>Finds the repository checkout the tests were built from (the folder with CourseBot.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Curriculum => Path.Combine(Root, "curriculum");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CourseBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CourseBot.sln not found above " + AppContext.BaseDirectory);
    }
}
