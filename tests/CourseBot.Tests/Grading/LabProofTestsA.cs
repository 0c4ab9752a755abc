using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

[Collection(LabProofGroupA.Name)]
public sealed class LabProofTestsA(RedisServer redis) : LabProofTests(redis, "cb-proof-a")
{
    public static TheoryData<string> Labs() => Partition(0, 3);

    [Theory]
    [MemberData(nameof(Labs))]
    public Task Lab_StarterFails_SolutionAndAltsScoreFullMarks_WrongsAreCaught(string key) => ProveAsync(key);
}
