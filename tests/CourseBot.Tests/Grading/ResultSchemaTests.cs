using System.Text.Json;
using CourseBot.Grading.Reporting;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>The result JSON the grader writes matches action/result.schema.json, which documents it.</summary>
[Collection(GradingTestGroup.Name)]
public sealed class ResultSchemaTests
{
    [Fact]
    public async Task ResultJson_OfAPartlyFailingLab_MatchesTheSchema()
    {
        using var harness = new GradingHarness();
        var files = new Dictionary<string, string>(GraderTests.GoodGreeter)
        {
            [GraderTests.Greeter + "countdown.py"] = "print('liftoff')\n",
        };
        files.Remove(GraderTests.Greeter + "README.md");
        using var workspace = new Workspace(files);
        var (_, result) = await harness.GradeAsync("greeter-lab", workspace);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action", "result.schema.json")));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result!, GradeResultJsonContext.Default.GradeResult));
        Assert.Equal([], SchemaViolations.Validate(schema.RootElement, json.RootElement));
        Assert.Contains(result!.Tests, t => t.Output is not null && t.Hint is null && t.File is null);
        Assert.Contains(result.Tests, t => t.File is not null);
    }

    [Fact]
    public void Schema_CapsTheInstructorsDetail()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action", "result.schema.json")));
        var capped = TestResult.CapDetail(new string('x', 50_000))!;
        var test = new TestResult("t", "celery", TestStatus.Failed, 0, 1, "m", null, null, null, 0, null, capped);
        var result = new GradeResult(1, "m/l", null, "failed", 0, 1, false, true, [], [test]);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result, GradeResultJsonContext.Default.GradeResult));
        Assert.Equal([], SchemaViolations.Validate(schema.RootElement, json.RootElement));
        Assert.EndsWith("\n[...]", json.RootElement.GetProperty("tests")[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var longer = JsonDocument.Parse(
            """{"name":"t","kind":"celery","status":"failed","score":0,"max_score":1,"duration_ms":0,"""
            + $$"""
            "detail":"{{new string('x', 8_007)}}"}
            """
        );
        var testSchema = schema.RootElement.GetProperty("properties").GetProperty("tests").GetProperty("items");
        Assert.Equal(
            "$.detail: Value should be at most 8006 characters",
            Assert.Single(SchemaViolations.Validate(testSchema, longer.RootElement))
        );
    }

    [Fact]
    public void Schema_RejectsAForgedExtraField()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action", "result.schema.json")));
        using var forged = JsonDocument.Parse(
            """{"version":1,"lab":"m/l","status":"passed","score":1,"max_score":1,"passed":true,"isolated":true,"notes":"""
            + """[],"tests":[],"verified":true}"""
        );
        // additionalProperties: false fails the extra property itself, which the line names.
        Assert.Equal(
            ["$.verified: All values fail against the false schema"],
            SchemaViolations.Validate(schema.RootElement, forged.RootElement)
        );
    }
}
