using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourseBot.Core.GitHub;

namespace CourseBot.Cli.Serve;

/// <summary>
/// Setup mode: with no GitHub App configured, <c>coursebot serve</c> offers a page that registers
/// one through GitHub's App Manifest flow (as Probot does) and keeps the returned id, key and
/// webhook secret in the local secrets file (mode 0600), never in the repository. The App's
/// permissions and events come from <c>bot/app-manifest.json</c>.
/// </summary>
internal sealed class AppSetup(GitHubAppOptions github, string secretsFile, TimeProvider time)
{
    public const string SecretsFileName = "secrets.json";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _states = new(StringComparer.Ordinal);

    public static JsonObject Manifest()
    {
        using var stream = typeof(AppSetup).Assembly.GetManifestResourceStream("app-manifest.json")
            ?? throw new InvalidOperationException("app-manifest.json is not embedded");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>The setup page: a form that posts the manifest to GitHub (for an organisation, or the signed-in user).</summary>
    public string Page(Uri publicUrl, string? organisation)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _states[state] = time.GetUtcNow().AddMinutes(30);
        var manifest = Manifest();
        manifest["url"] = publicUrl.ToString();
        manifest["hook_attributes"] = new JsonObject { ["url"] = new Uri(publicUrl, WebhookEndpoints.Path).ToString(), ["active"] = true };
        manifest["redirect_url"] = new Uri(publicUrl, "/setup/callback").ToString();
        var target = string.IsNullOrWhiteSpace(organisation)
            ? new Uri(github.WebBaseUrl, $"settings/apps/new?state={state}")
            : new Uri(github.WebBaseUrl, $"organizations/{Uri.EscapeDataString(organisation.Trim())}/settings/apps/new?state={state}");
        static string E(string text) => WebUtility.HtmlEncode(text);
        return $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>CourseBot setup</title>
            <style>body{"{"}font-family:system-ui,sans-serif;margin:2rem;max-width:44rem{"}"}</style></head><body>
            <h1>CourseBot setup</h1>
            <p>No GitHub App is configured yet, so this bot accepts no webhooks. Register one in two clicks:
            GitHub creates the App with the permissions and events CourseBot needs, then sends you back here.</p>
            <form method="get" action="/setup"><label>Organisation that runs the course (empty: your account)
            <input name="org" value="{E(organisation ?? "")}"></label> <button>Use it</button></form>
            <form method="post" action="{E(target.ToString())}">
            <input type="hidden" name="manifest" value="{E(manifest.ToJsonString())}">
            <p><button type="submit">Create the GitHub App{(string.IsNullOrWhiteSpace(organisation) ? "" : " for " + E(organisation))}</button></p></form>
            <p>Webhooks will go to <code>{E(new Uri(publicUrl, WebhookEndpoints.Path).ToString())}</code>: GitHub must be able to reach it
            (set <code>CourseBot__PublicUrl</code> to this bot's public address, or forward webhooks to it).</p>
            </body></html>
            """;
    }

    /// <summary>GitHub's redirect: exchanges the one-time code for the App's credentials and stores them.</summary>
    public async Task<(int Status, string Html)> CompleteAsync(string? code, string? state, HttpClient http, CancellationToken cancel)
    {
        if (state is null || !_states.TryRemove(state, out var until) || until < time.GetUtcNow())
        {
            return (400, Html("This setup link is unknown or has expired. Start again from /setup."));
        }

        if (string.IsNullOrEmpty(code) || code.Length > 100 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (400, Html("GitHub did not send a setup code."));
        }

        using var response = await http.PostAsync(new Uri(github.ApiBaseUrl, $"app-manifests/{code}/conversions"), null, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (502, Html($"GitHub did not convert the manifest ({(int)response.StatusCode}). Start again from /setup."));
        }

        using var app = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false));
        var root = app.RootElement;
        var secrets = new JsonObject
        {
            ["CourseBot"] = new JsonObject
            {
                ["GitHub"] = new JsonObject
                {
                    ["AppId"] = root.GetProperty("id").GetInt64(),
                    ["Slug"] = root.GetProperty("slug").GetString(),
                    ["PrivateKey"] = root.GetProperty("pem").GetString(),
                    ["ClientId"] = root.TryGetProperty("client_id", out var id) ? id.GetString() : null,
                    ["ClientSecret"] = root.TryGetProperty("client_secret", out var secret) ? secret.GetString() : null,
                },
                ["Webhooks"] = new JsonObject { ["Secret"] = root.GetProperty("webhook_secret").GetString() },
            },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(secretsFile))!);
        // Created owner-only before the secret is written, so it is never readable by others, even briefly.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(secretsFile, options))
        {
            await JsonSerializer.SerializeAsync(file, secrets, cancellationToken: cancel).ConfigureAwait(false);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(secretsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite); // also when the file existed before
        }
        var htmlUrl = root.TryGetProperty("html_url", out var url) ? url.GetString() : null;
        return (200, Html($"The GitHub App <b>{WebUtility.HtmlEncode(root.GetProperty("name").GetString() ?? "")}</b> is registered; its key and webhook secret are in " +
            $"<code>{WebUtility.HtmlEncode(secretsFile)}</code>. Install it on your organisation{(htmlUrl is null ? "" : $" (<a href=\"{WebUtility.HtmlEncode(htmlUrl)}/installations/new\">install</a>)")}, then restart <code>coursebot serve</code>."));
    }

    private static string Html(string message) => $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CourseBot setup</title></head><body><h1>CourseBot setup</h1><p>{message}</p></body></html>";
}
