namespace CourseBot.Core.Journey.Sync;

/// <summary>Raised when the organisation's setup stops the bot (the template is missing or the App cannot see it): retrying will not help
/// until an admin fixes it.</summary>
public sealed class CourseSetupException(string message, Exception inner) : Exception(message, inner)
{
}
