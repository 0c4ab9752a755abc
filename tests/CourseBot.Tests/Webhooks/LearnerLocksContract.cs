using CourseBot.Core.Storage;

namespace CourseBot.Tests.Webhooks;

/// <summary>One piece of work per learner at a time, different learners in parallel: in process, and across instances (blob leases on
/// Azurite).</summary>
public abstract class LearnerLocksContract
{
    protected abstract ILearnerLocks Locks { get; }

    [Fact]
    public async Task SameLearner_RunsOneAtATime_OtherLearnersDoNotWait()
    {
        var inside = 0;
        var most = 0;
        async Task WorkAsync(string repository)
        {
            var held = await Locks.AcquireAsync(repository, CancellationToken.None);
            await using (held)
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(40);
                Interlocked.Decrement(ref inside);
            }
        }

        var ada = "org/ada-" + Guid.NewGuid().ToString("N")[..6];
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => WorkAsync(ada)));
        Assert.Equal(1, most);

        // A second learner is not held up by the first.
        var first = await Locks.AcquireAsync(ada, CancellationToken.None);
        await using (first)
        {
            var other = Locks.AcquireAsync("org/bob-" + Guid.NewGuid().ToString("N")[..6], CancellationToken.None);
            var done = await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.Same(other, done);
            await (await other).DisposeAsync();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
