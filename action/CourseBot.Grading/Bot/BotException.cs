namespace CourseBot.Grading.Bot;

/// <summary>The bot or the Actions runtime said no; the message says what to fix.</summary>
public sealed class BotException(string message) : Exception(message);
