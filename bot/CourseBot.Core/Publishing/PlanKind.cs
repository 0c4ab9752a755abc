namespace CourseBot.Core.Publishing;

public enum PlanKind
{
    Repository,
    File,
    Setting,
    Team,
}
