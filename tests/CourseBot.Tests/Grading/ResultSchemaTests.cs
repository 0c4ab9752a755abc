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
        var files = new Dictionary<string, string>(GraderTests.GoodGreeter) { [GraderTests.Greeter + "countdown.py"] = "print('liftoff')\n" };
        files.Remove(GraderTests.Greeter + "README.md");
        using var workspace = new Workspace(files);
        var (_, result) = await harness.GradeAsync("greeter-lab", workspace);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action", "result.schema.json")));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result!, GradeResultJsonContext.Default.GradeResult));
        Assert.Equal([], JsonSchemaSubset.Validate(schema.RootElement, json.RootElement));
        Assert.Contains(result!.Tests, t => t.Output is not null && t.Hint is null && t.File is null);
        Assert.Contains(result.Tests, t => t.File is not null);
    }

    [Fact]
    public void Schema_RejectsAForgedExtraField()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action", "result.schema.json")));
        using var forged = JsonDocument.Parse("""{"version":1,"lab":"m/l","status":"passed","score":1,"max_score":1,"passed":true,"isolated":true,"notes":[],"tests":[],"verified":true}""");
        Assert.Equal(["$: unexpected property verified"], JsonSchemaSubset.Validate(schema.RootElement, forged.RootElement));
    }
}
