namespace CourseBot.Core.Curriculum.Model;

/// <summary>A learning resource: a path in the Celery repository, an external link, or the seed's words where it names no
/// location.</summary>
public abstract record Resource(SourceLocation Location);
