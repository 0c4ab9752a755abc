namespace CourseBot.Core.Curriculum.Model;

public enum DurationUnit
{
    Day,
    Week,
}
