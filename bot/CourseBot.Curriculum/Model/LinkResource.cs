namespace CourseBot.Core.Curriculum.Model;

public sealed record LinkResource(Uri Url, string Title, string? Note, SourceLocation Location) : Resource(Location);
