using System.Globalization;

namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    /// <summary>The App's registration, read with its JWT: what <c>coursebot doctor</c> compares with the manifest.</summary>
    private void MapAppRegistration(RouteGroupBuilder api)
    {
        Route(api, "GET", "/app", _ =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(Results.Json(Shapes.App(State.App, State.Installations.Count, BaseUrl, _startedAt)));
            }
        }, appAuth: true);

        Route(api, "GET", "/app/hook/config", _ =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(Results.Json(Shapes.HookConfig(State.App)));
            }
        }, appAuth: true);

        // Newest first, per_page (default 30, at most 100) and status (success or failure) as GitHub reads them;
        // the cursor pages are not emulated (the doctor reads the newest page only).
        Route(api, "GET", "/app/hook/deliveries", context =>
        {
            var query = context.Request.Query;
            var perPage = int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100) : 30;
            var status = (string?)query["status"];
            var deliveries = State.App.Deliveries.Reverse()
                .Where(d => status is null || (status == "success") == Succeeded(d))
                .Take(perPage)
                .Select(Shapes.Delivery)
                .ToList();
            return Task.FromResult(Results.Json(deliveries));
        }, appAuth: true);
    }

    /// <summary>Records a delivery to the App's webhook, as GitHub keeps each one (a test may seed failures this way).</summary>
    public HookDelivery AddDelivery(string eventName, int statusCode, string? action = null, string? deliveryId = null)
    {
        var status = statusCode == 0 ? "failed to connect"
            : Succeeded(statusCode) ? "OK"
            : $"Invalid HTTP Response: {statusCode}";
        var delivery = new HookDelivery(State.NextId(), deliveryId ?? Guid.NewGuid().ToString(), Time.GetUtcNow(), eventName, action,
            statusCode, status, 0.05);
        State.App.Deliveries.Enqueue(delivery);
        return delivery;
    }

    private static bool Succeeded(HookDelivery delivery) => Succeeded(delivery.StatusCode);

    private static bool Succeeded(int statusCode) => statusCode is >= 200 and < 300;
}
