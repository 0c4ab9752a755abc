using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Webhooks;

/// <summary>The learner history, the same contract in SQLite and in Azure Tables (Azurite).</summary>
public abstract class LearnerEventsContract
{
    private static readonly string[] FixtureHistories = ["journey", "placement", "final-exam"];

    protected abstract ILearnerEvents Events { get; }

    [Fact]
    public async Task Append_ThenRead_InOrder_PerRepository()
    {
        var ada = "org/learner-" + Guid.NewGuid().ToString("N")[..6];
        await Events.AppendAsync(ada, LearnerEventKinds.Enrolled, "fundamentals", "{}", CancellationToken.None);
        await Events.AppendAsync("org/someone-else", LearnerEventKinds.Enrolled, "fundamentals", "{}", CancellationToken.None);
        await Task.Delay(5);
        await Events.AppendAsync(
            ada,
            LearnerEventKinds.LabGraded,
            "first-celery-app/first-app-lab",
            "{\"score\":7}",
            CancellationToken.None
        );
        var history = await Events.ReadAsync(ada, CancellationToken.None);
        Assert.Equal([LearnerEventKinds.Enrolled, LearnerEventKinds.LabGraded], history.Select(e => e.Kind));
        Assert.Equal("{\"score\":7}", history[1].Data);
        Assert.All(history, e => Assert.Equal(ada, e.Repository));
    }

    /// <summary>Every kind of entry of a real history, as the typed records write it, is stored and read back unchanged.</summary>
    [Fact]
    public async Task TypedEntries_RoundTrip()
    {
        var ada = "org/learner-" + Guid.NewGuid().ToString("N")[..6];
        var entries = FixtureHistories.SelectMany(Journey.History.HistoryFormatTests.Load)
            .Select(e => (e.Subject, Data: LearnerEventJson.Read(e)!)).ToList();
        foreach (var (subject, data) in entries)
        {
            await Events.AppendAsync(ada, subject, data, CancellationToken.None);
        }

        var history = await Events.ReadAsync(ada, CancellationToken.None);
        Assert.Equal(
            entries.Select(e => (e.Data.Kind, e.Subject, LearnerEventJson.Write(e.Data))),
            history.Select(e => (e.Kind, e.Subject, e.Data)));
        Assert.All(history, e => Assert.Equal(LearnerEventData.CurrentVersion, LearnerEventJson.Read(e)!.Version));
        Assert.Equal(15, history.Select(e => e.Kind).Distinct().Count());
    }

    /// <summary>The one-pass read gives each repository's whole history, in order, once, equal to its own read.</summary>
    [Fact]
    public async Task EveryHistory_IsEachRepositorysHistory_Once_InOrder()
    {
        var ada = "org/learner-" + Guid.NewGuid().ToString("N")[..6];
        var bob = "org/learner-" + Guid.NewGuid().ToString("N")[..6];
        await Events.AppendAsync(ada, LearnerEventKinds.Enrolled, "fundamentals", "{}", CancellationToken.None);
        await Events.AppendAsync(bob, LearnerEventKinds.Enrolled, "expert", "{}", CancellationToken.None);
        await Task.Delay(5);
        await Events.AppendAsync(
            ada,
            LearnerEventKinds.LabGraded,
            "first-celery-app/first-app-lab",
            "{\"score\":7}",
            CancellationToken.None
        );
        var all = new List<IReadOnlyList<LearnerEvent>>();
        await foreach (var events in Events.ReadEveryHistoryAsync(CancellationToken.None))
        {
            all.Add(events);
        }

        Assert.All(all, h => Assert.Single(h.Select(e => e.Repository).Distinct()));
        Assert.Equal(all.Count, all.Select(h => h[0].Repository).Distinct().Count());
        foreach (var repository in new[] { ada, bob })
        {
            var expected = await Events.ReadAsync(repository, CancellationToken.None);
            Assert.Equal(expected, Assert.Single(all, h => h[0].Repository == repository));
        }
    }

    [Fact]
    public async Task Learners_AreTheEnrolledRepositories()
    {
        var ada = "org/learner-" + Guid.NewGuid().ToString("N")[..6];
        var bob = "org/learner-" + Guid.NewGuid().ToString("N")[..6];
        var stray = "org/stray-" + Guid.NewGuid().ToString("N")[..6];
        await Events.AppendAsync(ada, LearnerEventKinds.Enrolled, "fundamentals", "{}", CancellationToken.None);
        await Events.AppendAsync(ada, LearnerEventKinds.LabGraded, "first-celery-app/first-app-lab", "{}", CancellationToken.None);
        await Events.AppendAsync(bob, LearnerEventKinds.Enrolled, "expert", "{}", CancellationToken.None);
        await Events.AppendAsync(stray, LearnerEventKinds.LabGraded, "first-celery-app/first-app-lab", "{}", CancellationToken.None);
        var learners = await Events.LearnersAsync(CancellationToken.None);
        Assert.Contains(ada, learners);
        Assert.Contains(bob, learners);
        Assert.DoesNotContain(stray, learners);
        Assert.Equal(learners.Count, learners.Distinct().Count());
    }
}
