using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CourseBot.Core.GitHub;
using CourseBot.Tests.Infrastructure;
using Octokit;

namespace CourseBot.Tests.Emulator;

/// <summary>
/// The emulator holds installation tokens to the installation's permissions as GitHub does: a route the token's permissions
/// do not cover (missing, or read where write is needed) is a 403 "Resource not accessible by integration", a token request
/// may narrow the permissions but not widen them, and workflow files need "Workflows" (write) through contents or Git data.
/// </summary>
public sealed class PermissionEnforcementTests : IAsyncLifetime, IDisposable
{
    private const string Org = "course-org";
    private readonly RSA _key = RSA.Create(2048);
    private GitHubEmulator.GitHubEmulator _github = null!;
    private GitHubClientFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _github = await GitHubEmulator.GitHubEmulator.StartAsync();
        _github.AddRepository(Org, "notes", new Dictionary<string, string> { ["README.md"] = "# Notes\n" });
        _factory = EmulatorClients.For(_github, _key);
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose()
    {
        _factory.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task ReadOnlyContents_ReadsButCannotWrite_AndTheRefusalIsGitHubs()
    {
        var installation = _github.AddInstallation(Org, Grant(("contents", "read"), ("metadata", "read")));
        var client = _factory.ForInstallation(installation);

        Assert.Single(await client.Repository.Content.GetAllContents(Org, "notes", "README.md"));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(
            () => client.Repository.Content.CreateFile(Org, "notes", "todo.md", new CreateFileRequest("todo", "- x\n")));
        Assert.Equal("Resource not accessible by integration", refused.Message);
        using var body = JsonDocument.Parse(refused.HttpResponse.Body.ToString()!);
        Assert.Equal("403", body.RootElement.GetProperty("status").GetString());
        var documentation = body.RootElement.GetProperty("documentation_url").GetString();
        Assert.StartsWith("https://docs.github.com/", documentation, StringComparison.Ordinal);

        // Issues were not granted at all.
        await Assert.ThrowsAsync<ForbiddenException>(() => client.Issue.Create(Org, "notes", new NewIssue("Module 1")));
        Assert.Null(_github.ReadFile($"{Org}/notes", "todo.md"));
    }

    [Fact]
    public async Task WorkflowFiles_NeedWorkflowsWrite_ThroughContentsAndGitData()
    {
        var installation = _github.AddInstallation(Org, Grant(("contents", "write"), ("metadata", "read")));
        var client = _factory.ForInstallation(installation);

        await client.Repository.Content.CreateFile(Org, "notes", "docs/ok.md", new CreateFileRequest("docs", "ok\n"));
        await Assert.ThrowsAsync<ForbiddenException>(() => client.Repository.Content.CreateFile(
            Org, "notes", ".github/workflows/grade.yml", new CreateFileRequest("grading", "on: push\n")));
        var tree = new NewTree();
        var workflow = new NewTreeItem
        {
            Path = ".github/workflows/grade.yml", Mode = "100644", Type = TreeType.Blob, Content = "on: push\n",
        };
        tree.Tree.Add(workflow);
        await Assert.ThrowsAsync<ForbiddenException>(() => client.Git.Tree.Create(Org, "notes", tree));
    }

    [Fact]
    public async Task TokenRequest_NarrowsThePermissions_ButCannotWidenThem()
    {
        var installation = _github.AddInstallation(Org, Grant(("contents", "write"), ("issues", "write"), ("metadata", "read")));

        using var narrowed = await RequestTokenAsync(installation, new { permissions = new { contents = "read" } });
        Assert.Equal(HttpStatusCode.Created, narrowed.StatusCode);
        var token = (await narrowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await CallAsync(token, HttpMethod.Get, $"repos/{Org}/notes/contents/README.md"));
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(token, HttpMethod.Get, $"repos/{Org}/notes/issues"));
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(token, HttpMethod.Post, $"repos/{Org}/notes/labels"));

        using var widened = await RequestTokenAsync(installation, new { permissions = new { administration = "write" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, widened.StatusCode);
        using var raised = await RequestTokenAsync(installation, new { permissions = new { contents = "admin" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, raised.StatusCode);
    }

    private static Dictionary<string, string> Grant(params (string Permission, string Access)[] permissions) =>
        permissions.ToDictionary(p => p.Permission, p => p.Access, StringComparer.Ordinal);

    private async Task<HttpResponseMessage> RequestTokenAsync(long installation, object body)
    {
        using var http = new HttpClient { BaseAddress = _github.ApiBaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"app/installations/{installation}/access_tokens")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _factory.Jwt.Create());
        return await http.SendAsync(request);
    }

    private async Task<HttpStatusCode> CallAsync(string token, HttpMethod method, string path)
    {
        using var http = new HttpClient { BaseAddress = _github.ApiBaseUrl };
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { name = "module:1", color = "0e8a16" });
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
