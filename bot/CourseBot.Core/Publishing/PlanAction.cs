namespace CourseBot.Core.Publishing;

public enum PlanAction
{
    Create,
    Update,
    Unchanged,
}
