using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

[Collection(LabProofGroupC.Name)]
public sealed class LabProofTestsC(RedisServer redis) : LabProofTests(redis, "cb-proof-c")
{
    public static TheoryData<string> Labs() => Partition(2, 3);

    [Theory]
    [MemberData(nameof(Labs))]
    public Task Lab_StarterFails_SolutionAndAltsScoreFullMarks_WrongsAreCaught(string key) => ProveAsync(key);
}
