using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CourseBot.Core.LabGrading;
using CourseBot.Grading.Reporting;

namespace CourseBot.Grading.Bot;

/// <summary>
/// The grader's side of the trust model: an OIDC token from the Actions runtime (audience fixed by
/// the course's workflow), the lab bundles from the bot, and the verified result back to the bot.
/// Every call uses a token of its own, since the bot accepts each token once.
/// </summary>
public sealed class BotClient(HttpClient http, Uri botUrl, string audience, Uri tokenRequestUrl, string tokenRequestToken)
{
    public async Task<string> RequestTokenAsync(CancellationToken cancel)
    {
        var separator = tokenRequestUrl.Query.Length > 0 ? "&" : "?";
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri(tokenRequestUrl + separator + "audience=" + Uri.EscapeDataString(audience))
        );
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokenRequestToken);
        using var response = await http.SendAsync(request, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new BotException(
                $"the Actions runtime refused an OIDC token ({(int)response.StatusCode}); the workflow needs 'permissions: id-token: write'"
            );
        }

        using var json = await JsonDocument
            .ParseAsync(await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false), cancellationToken: cancel)
            .ConfigureAwait(false);
        return json.RootElement.TryGetProperty("value", out var value) && value.GetString() is { Length: > 0 } token
            ? token
            : throw new BotException("the Actions runtime answered without a token");
    }

    public async Task<GradingBundle> FetchBundleAsync(CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(botUrl, "api/grading/bundle"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await RequestTokenAsync(cancel).ConfigureAwait(false));
        using var response = await http.SendAsync(request, cancel).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new BotException($"the bot refused the grading bundle ({(int)response.StatusCode}): {Error(body)}");
        }

        return JsonSerializer.Deserialize(body, GradingBundleJsonContext.Default.GradingBundle)
            ?? throw new BotException("the bot sent an empty bundle");
    }

    /// <summary>Sends one lab's result; returns the bot's answer (status and text) for the log.</summary>
    public async Task<(int Status, string Body)> PostResultAsync(GradeResult result, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(botUrl, "api/grades"))
        {
            Content = JsonContent.Create(result, GradeResultJsonContext.Default.GradeResult),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await RequestTokenAsync(cancel).ConfigureAwait(false));
        using var response = await http.SendAsync(request, cancel).ConfigureAwait(false);
        return ((int)response.StatusCode, Error(await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false)));
    }

    private static string Error(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body.Length > 300 ? body[..300] : body;
        }
    }
}
