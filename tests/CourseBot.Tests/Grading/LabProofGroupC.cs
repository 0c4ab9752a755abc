using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

[CollectionDefinition(Name)]
public sealed class LabProofGroupC : ICollectionFixture<RedisServer>
{
    public const string Name = "lab-proof-c";
}
