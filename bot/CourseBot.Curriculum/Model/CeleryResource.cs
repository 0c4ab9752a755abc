namespace CourseBot.Core.Curriculum.Model;

public sealed record CeleryResource(string RepositoryPath, string? Section, string? Note, SourceLocation Location) : Resource(Location)
{
    public bool IsFolder => RepositoryPath.EndsWith('/');
}
