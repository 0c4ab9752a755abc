namespace CourseBot.Tests.Infrastructure;

/// <summary>Grading tests share one learner user, whose processes every run kills: they must not run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class GradingTestGroup : ICollectionFixture<RedisServer>
{
    public const string Name = "grading";
}
