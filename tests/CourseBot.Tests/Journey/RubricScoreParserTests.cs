using CourseBot.Core.Journey.Capstones;

namespace CourseBot.Tests.Journey;

/// <summary>The forgiving rubric format instructors write in a review: lines, the table with a score column, and what is reported when it
/// is not complete.</summary>
public sealed class RubricScoreParserTests
{
    private static readonly Core.Curriculum.Model.Capstone Capstone = CeleryCourse
        .Course.FindModule("capstone-background-processing")!
        .Capstone!;

    [Fact]
    public void Lines_ByTextPrefixOrNumber_WithMarkup_AreAllRead()
    {
        var scores = RubricScoreParser.Parse(
            Capstone,
            "Nice.\n- **API accepts email requests**: 13\n2: 12/15\nC3: 18\n* Monitoring: 8 pts\n"
                + "Code quality and tests (code review): 14\ndocumentation quality : 9\n| Demo presentation | 15 % | 11 |\nTotal: 85\n"
        );
        Assert.True(scores.Complete, string.Join("; ", scores.Problems));
        Assert.Equal(85, scores.Total);
        Assert.Equal(100, scores.Max);
        Assert.Equal(("Emails are processed in the background by routed workers", 12.0), scores.Scores[1]);
    }

    [Fact]
    public void TemplateTable_WithAScoreColumn_IsRead_AndPercentagesAreNotScores()
    {
        var table = "| Criterion | Weight | Module assessment | Score |\n|---|---:|---|---:|\n"
            + string.Join('\n', Capstone.Rubric.Select(r => $"| {r.Criterion} | {r.Weight} % | Project | {r.Weight - 1} |"));
        var scores = RubricScoreParser.Parse(Capstone, table);
        Assert.True(scores.Complete, string.Join("; ", scores.Problems));
        Assert.Equal(100 - Capstone.Rubric.Length, scores.Total);
    }

    [Fact]
    public void Incomplete_NamesEachMissingWrongAndDoubledCriterion()
    {
        var scores = RubricScoreParser.Parse(
            Capstone,
            "1: 13\n1: 14\nRetries and failures are handled: 21\nMonitoring: lots\nCode quality: 14\nDocumentation quality: 9\n"
        );
        Assert.False(scores.Complete);
        Assert.Equal(
        [
            "\"Monitoring dashboard and failure alerts\": \"lots\" is not a number of points",
            "\"API accepts email requests and reports their status\" is scored twice (13 and 14)",
            "\"Emails are processed in the background by routed workers\" has no score (0 to 15)",
            "\"Retries and failures are handled\": 21 is outside 0 to 20",
            "\"Demo presentation\" has no score (0 to 15)",
        ], scores.Problems.ToList());
    }

    [Fact]
    public void AmbiguousOrShortKeys_AndHostileText_MatchNothing()
    {
        var scores = RubricScoreParser.Parse(Capstone, "Demo: 15\nco: 10\n99: 5\n<script>: 3\n" + new string('x', 10_000) + ": 1\n");
        Assert.Equal([("Demo presentation", 15.0)], scores.Scores.ToList());
        Assert.Equal(6, scores.Problems.Length);
    }
}
