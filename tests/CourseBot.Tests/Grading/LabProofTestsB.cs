using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

[Collection(LabProofGroupB.Name)]
public sealed class LabProofTestsB(RedisServer redis) : LabProofTests(redis, "cb-proof-b")
{
    public static TheoryData<string> Labs() => Partition(1, 3);

    [Theory]
    [MemberData(nameof(Labs))]
    public Task Lab_StarterFails_SolutionAndAltsScoreFullMarks_WrongsAreCaught(string key) => ProveAsync(key);
}
