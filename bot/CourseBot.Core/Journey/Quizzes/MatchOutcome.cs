namespace CourseBot.Core.Journey.Quizzes;

internal enum MatchOutcome
{
    NoMatch,
    Match,
    TimedOut,
    InvalidPattern,
}
