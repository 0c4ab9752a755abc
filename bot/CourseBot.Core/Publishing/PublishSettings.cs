namespace CourseBot.Core.Publishing;

/// <summary>What <c>coursebot course publish</c> creates in an organisation, and from where.</summary>
public sealed record PublishSettings(string Organisation, Uri BotUrl, GraderRelease Grader)
{
    public string CourseRepository { get; init; } = "celery-course";

    public string TemplateRepository { get; init; } = "celery-learner-template";

    public string ActionRepository { get; init; } = "coursebot-grader";

    public string InstructorsTeam { get; init; } = "instructors";

    /// <summary>The repository checkout the published files come from (action/, .github/, templates/).</summary>
    public string SourceRoot { get; init; } = ".";

    public string Branch { get; init; } = "main";
}
