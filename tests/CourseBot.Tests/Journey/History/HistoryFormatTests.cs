using System.Globalization;
using System.Text.Json;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Journey.History;

/// <summary>
/// Histories written before the events were typed (captured from the journey, placement and final exam
/// tests as that code wrote them, with what it decided from them) read the same with the typed records:
/// no learner's history is lost by the change, and what is rewritten in the new format reads the same again.
/// </summary>
public sealed class HistoryFormatTests
{
    private static readonly string[] Names = ["journey", "placement", "final-exam"];

    public static TheoryData<string> Fixtures => new(Names);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void HistoryWrittenBeforeTypedEvents_DecidesTheSameProgress(string name)
    {
        var events = Load(name);
        var expected = File.ReadAllText(FixturePath(name + ".v0.summary.txt"));
        Assert.Equal(expected, HistorySummary.Of(CeleryCourse.Course, LearnerLedger.From(events[0].Repository, events)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryEntryOfTheOldFormat_ReadsAsItsKindsRecord_AtVersionZero(string name)
    {
        Assert.All(Load(name), entry =>
        {
            var data = LearnerEventJson.Read(entry);
            Assert.True(data is not null, $"entry {entry.Sequence} ({entry.Kind}) did not read: {entry.Data}");
            Assert.Equal(entry.Kind, data.Kind);
            Assert.Equal(0, data.Version);
        });
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void OldHistoryRewrittenInTheNewFormat_DecidesTheSameProgress(string name)
    {
        var old = Load(name);
        var rewritten = old.Select(e => e with { Data = LearnerEventJson.Write(LearnerEventJson.Read(e)!) }).ToList();
        Assert.All(rewritten, e => Assert.Equal(LearnerEventData.CurrentVersion, LearnerEventJson.Read(e)!.Version));
        Assert.Equal(
            File.ReadAllText(FixturePath(name + ".v0.summary.txt")),
            HistorySummary.Of(CeleryCourse.Course, LearnerLedger.From(old[0].Repository, rewritten)));
    }

    /// <summary>The stored JSON of every kind, as this version writes it: a change of the wire format is a deliberate one.</summary>
    [Fact]
    public void NewFormat_MatchesTheGoldenFile()
    {
        var firstOfEachKind = Names.SelectMany(Load)
            .GroupBy(e => e.Kind).Select(g => g.First()).OrderBy(e => e.Kind, StringComparer.Ordinal);
        var lines = firstOfEachKind.Select(e => $"{e.Kind} {e.Subject}\n{LearnerEventJson.Write(LearnerEventJson.Read(e)!)}\n");
        Golden.AssertMatches("history-format.v1.txt", string.Concat(lines));
    }

    [Fact]
    public void UnreadableData_IsSkipped_NotFatal()
    {
        var at = DateTimeOffset.Parse("2026-12-01T10:00:00Z", CultureInfo.InvariantCulture);
        Assert.Null(LearnerEventJson.Read(new LearnerEvent(1, "a/b", LearnerEventKinds.LabGraded, "m/l", at, "{\"score\":")));
        Assert.Null(LearnerEventJson.Read(new LearnerEvent(2, "a/b", LearnerEventKinds.LabGraded, "m/l", at, "{\"score\":\"high\"}")));
        Assert.Null(LearnerEventJson.Read(new LearnerEvent(3, "a/b", "from-a-later-bot", "", at, "{}")));
        var unknownField = new LearnerEvent(4, "a/b", LearnerEventKinds.LabGraded, "m/l", at, "{\"unknown\":1}");
        Assert.IsType<LabGraded>(LearnerEventJson.Read(unknownField));
    }

    internal static List<LearnerEvent> Load(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(FixturePath(name + ".v0.json")));
        return [.. json.RootElement.EnumerateArray().Select(e => new LearnerEvent(
            e.GetProperty("sequence").GetInt64(), "academy/celery-ada", Text(e, "kind"), Text(e, "subject"),
            DateTimeOffset.Parse(Text(e, "at"), CultureInfo.InvariantCulture), Text(e, "data")))];
    }

    private static string Text(JsonElement entry, string name) => entry.GetProperty(name).GetString()!;

    private static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "history", file);
}
