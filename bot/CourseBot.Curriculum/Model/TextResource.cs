namespace CourseBot.Core.Curriculum.Model;

public sealed record TextResource(string Text, SourceLocation Location) : Resource(Location);
