using System.Globalization;
using System.Text.Json;
using Octokit;

namespace CourseBot.Core.Doctor;

/// <summary>
/// The App's own settings, read with its JWT: permissions and events against the manifest (<c>GET /app</c>), the webhook
/// URL against the bot's (<c>GET /app/hook/config</c>), and whether the newest deliveries reached it (<c>GET /app/hook/deliveries</c>).
/// </summary>
internal sealed class AppRegistrationChecks(IGitHubClient app)
{
    private const string Settings = "the App's settings (github.com/settings/apps, or the organisation's Developer settings)";

    /// <summary>
    /// The checks' results, the App's slug (for the installation link) and the permissions it asks organisations for (null
    /// when GitHub did not answer).
    /// </summary>
    public async Task<(List<DoctorResult> Results, string? Slug, Dictionary<string, string>? Permissions)> RunAsync(
        DoctorSettings settings)
    {
        var results = new List<DoctorResult>();
        string? slug = null;
        Dictionary<string, string>? permissions = null;
        try
        {
            var registration = await GitHubJson.GetAsync(app, "app").ConfigureAwait(false);
            slug = registration.TryGetProperty("slug", out var s) ? s.GetString() : null;
            permissions = GitHubJson.Permissions(registration);
            results.Add(PermissionsCheck(settings.Manifest, permissions));
            results.Add(EventsCheck(settings.Manifest, GitHubJson.Strings(registration, "events")));
        }
        catch (ApiException ex)
        {
            var message = $"GitHub refused the App's credentials ({ex.Message}): check CourseBot:GitHub:AppId and PrivateKey";
            results.Add(DoctorResult.Fail("App permissions", message));
            results.Add(DoctorResult.Skipped("App events", "needs the App's registration"));
            results.Add(DoctorResult.Skipped("Webhook URL", "needs the App's registration"));
            results.Add(DoctorResult.Skipped("Webhook deliveries", "needs the App's registration"));
            return (results, slug, permissions);
        }

        results.Add(await Guarded("Webhook URL", () => WebhookUrlAsync(settings)).ConfigureAwait(false));
        results.Add(await Guarded("Webhook deliveries", () => DeliveriesAsync(settings)).ConfigureAwait(false));
        return (results, slug, permissions);
    }

    private static async Task<DoctorResult> Guarded(string check, Func<Task<DoctorResult>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            return DoctorResult.Fail(check, $"GitHub refused to show it ({(int)ex.StatusCode}: {ex.Message})");
        }
    }

    private static DoctorResult PermissionsCheck(AppManifest manifest, Dictionary<string, string> held)
    {
        const string Check = "App permissions";
        var missing = PermissionGaps.Missing(manifest.Permissions, held);
        var extra = PermissionGaps.Extra(manifest.Permissions, held);
        if (missing.Count > 0)
        {
            return DoctorResult.Fail(Check, $"the App lacks {string.Join(", ", missing)}: grant them in {Settings}, "
                + "Permissions & events, then accept them in the organisation's installation settings");
        }

        return extra.Count > 0
            ? DoctorResult.Fail(Check, $"the App asks for more than bot/app-manifest.json ({string.Join(", ", extra)}): "
                + $"lower them in {Settings}")
            : DoctorResult.Ok(Check, $"the {manifest.Permissions.Count} permissions bot/app-manifest.json asks for");
    }

    private static DoctorResult EventsCheck(AppManifest manifest, List<string> events)
    {
        const string Check = "App events";
        var missing = manifest.Events.Where(e => !events.Contains(e, StringComparer.Ordinal)).ToList();
        return missing.Count > 0
            ? DoctorResult.Fail(Check, $"the App is not subscribed to {string.Join(", ", missing)}: tick them under "
                + $"Subscribe to events in {Settings}")
            : DoctorResult.Ok(Check, $"subscribed to {string.Join(", ", manifest.Events)}");
    }

    private async Task<DoctorResult> WebhookUrlAsync(DoctorSettings settings)
    {
        const string Check = "Webhook URL";
        var config = await GitHubJson.GetAsync(app, "app/hook/config").ConfigureAwait(false);
        var url = config.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
        var contentType = config.TryGetProperty("content_type", out var c) ? c.GetString() : null;
        if (settings.ExpectedWebhookUrl is not { } expected)
        {
            return DoctorResult.Fail(Check, $"the bot's URL is unknown (the App sends webhooks to '{url}'): "
                + "give --bot-url, or set CourseBot__Oidc__Audience as publish printed");
        }

        if (url.Length == 0)
        {
            return DoctorResult.Fail(Check, $"the App has no webhook URL: set it to {expected} in {Settings}, with the bot's secret");
        }

        if (!string.Equals(url.TrimEnd('/'), expected, StringComparison.OrdinalIgnoreCase))
        {
            return DoctorResult.Fail(Check, $"the App sends webhooks to {url}, not to the bot at {expected}: change it in {Settings}");
        }

        return contentType is "json" or null
            ? DoctorResult.Ok(Check, expected)
            : DoctorResult.Fail(Check, $"the App's webhook content type is {contentType}: set it to application/json in {Settings}");
    }

    private async Task<DoctorResult> DeliveriesAsync(DoctorSettings settings)
    {
        const string Check = "Webhook deliveries";
        var path = string.Create(CultureInfo.InvariantCulture, $"app/hook/deliveries?per_page={settings.RecentDeliveries}");
        var deliveries = (await GitHubJson.GetAsync(app, path).ConfigureAwait(false)).EnumerateArray().ToList();
        if (deliveries.Count == 0)
        {
            return DoctorResult.Ok(Check, "none yet (GitHub sends the first when something happens in the organisation)");
        }

        var failed = deliveries.Where(d => d.GetProperty("status_code").GetInt32() is < 200 or >= 300).ToList();
        if (failed.Count == 0)
        {
            return DoctorResult.Ok(Check, $"the last {deliveries.Count} succeeded");
        }

        var latest = failed[0];
        return DoctorResult.Fail(Check, $"{failed.Count} of the last {deliveries.Count} failed, the latest "
            + $"{Text(latest, "guid")} ({Text(latest, "event")}: {Text(latest, "status")}): "
            + "see why in the bot's log and the App's Advanced settings, then redeliver them there");
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()
            : "";
}
