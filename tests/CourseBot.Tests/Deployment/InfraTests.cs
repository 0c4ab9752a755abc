using System.Reflection;
using System.Text.Json.Nodes;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Tests.Deployment;

/// <summary>
/// The <c>azd up</c> template (azure.yaml, infra/main.bicep) as Azure would take it: compiled and linted by the Bicep CLI
/// (its NuGet package, offline), and the compiled template checked for what the bot needs to run keyless.
/// </summary>
public sealed class InfraTests
{
    private static readonly string Bicep = typeof(InfraTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BicepPath").Value!;

    private static string MainBicep => Path.Combine(RepositoryPaths.Root, "infra", "main.bicep");

    [Fact]
    public async Task MainBicep_Builds_WithNoDiagnostic()
    {
        var output = Path.Combine(Path.GetTempPath(), "coursebot-main-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (exit, text) = await Processes.RunToEndAsync(Bicep, ["build", MainBicep, "--outfile", output],
                CancellationToken.None, throwOnFailure: false);
            Assert.True(exit == 0, text);
            Assert.DoesNotContain("Warning", text, StringComparison.OrdinalIgnoreCase);
            Assert.True(File.Exists(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task MainBicep_Lints_Clean()
    {
        var (exit, text) = await Processes.RunToEndAsync(Bicep, ["lint", MainBicep], CancellationToken.None, throwOnFailure: false);
        Assert.True(exit == 0, text);
        Assert.Equal("", text.Trim());
    }

    [Fact]
    public async Task CompiledTemplate_RunsTheBotKeyless_OnFlexConsumption()
    {
        var (exit, json) = await Processes.RunToEndAsync(
            Bicep,
            ["build", MainBicep, "--stdout"],
            CancellationToken.None,
            throwOnFailure: false
        );
        Assert.Equal(0, exit);
        var resources = JsonNode.Parse(json)!["resources"]!.AsArray().Select(resource => resource!).ToList();
        JsonNode Of(string type) => resources.Single(resource => (string?)resource["type"] == type);

        var storage = Of("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)storage["allowSharedKeyAccess"]!);

        var site = Of("Microsoft.Web/sites");
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal(("dotnet-isolated", "10.0"), ((string?)runtime["name"], (string?)runtime["version"]));
        Assert.Equal("FlexConsumption", (string?)Of("Microsoft.Web/serverfarms")["sku"]!["tier"]);

        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(setting => (string)setting!["name"]!, setting => setting!["value"]!.ToString());
        // The form the Functions host and the bot's stores read (IdentityStorageTests): no key, no connection string.
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(settings.Values, value => value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
        // Secrets reach the app as Key Vault references only.
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", settings["CourseBot__GitHub__PrivateKey"], StringComparison.Ordinal);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", settings["CourseBot__Webhooks__Secret"], StringComparison.Ordinal);
        Assert.Equal("coursebotdeliveries", settings["CourseBotQueue"]);

        // Every role the identity needs for the stores, telemetry and secrets is granted.
        var granted = resources.Where(resource => (string?)resource["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(resource => resource["properties"]!["roleDefinitionId"]!.ToString()).ToList();
        Assert.Equal(5, granted.Count);

        var outputs = JsonNode.Parse(json)!["outputs"]!;
        Assert.Contains("/api/github/webhooks", outputs["WEBHOOK_URL"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_AndEveryRequiredParameterIsMapped()
    {
        var azure = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        Assert.Contains("project: ./bot/CourseBot.Functions", azure, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "bot", "CourseBot.Functions", "CourseBot.Functions.csproj")));

        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")))!
            ["parameters"]!.AsObject().Select(pair => pair.Key).ToHashSet();
        // A parameter without a default must come from the azd environment, or `azd up` stops to ask for it.
        var required = File.ReadLines(MainBicep)
            .Where(line => line.StartsWith("param ", StringComparison.Ordinal) && !line.Contains(" = ", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[1]).ToList();
        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.Contains(name, parameters));
    }
}
