using System.Globalization;
using System.Text.Json.Nodes;
using CourseBot.GitHubEmulator;

namespace CourseBot.Tests.Journey;

/// <summary>Capstone pull request and review webhooks, built from GitHub's example payloads like the harness's others.</summary>
internal static class CapstoneWebhooks
{
    /// <summary>A <c>pull_request</c> delivery for <paramref name="pull"/> as the emulator holds it.</summary>
    public static (string Event, string Payload) PullRequest(
        JourneyHarness harness,
        string repository,
        string action,
        PullState pull,
        DateTimeOffset at,
        string sender
    ) => JourneyHarness.Webhook("pull_request", action, repository, p =>
        {
            Installed(harness, p, sender);
            Pull(p["pull_request"]!.AsObject(), repository, pull, at);
            p["number"] = pull.Number;
        });

    /// <summary>A <c>pull_request_review</c> delivery: <paramref name="state"/> is approved, changes_requested or commented (dismissed for
    /// a dismissal).</summary>
    public static (string Event, string Payload) Review(
        JourneyHarness harness, string repository, PullState pull, long id, string reviewer, string state, string body, DateTimeOffset at,
        bool dismissed = false, string? sender = null) =>
        JourneyHarness.Webhook("pull_request_review", dismissed ? "dismissed" : "submitted", repository, p =>
        {
            Installed(harness, p, sender ?? reviewer);
            Pull(p["pull_request"]!.AsObject(), repository, pull, at);
            var review = p["review"]!.AsObject();
            review["id"] = id;
            review["state"] = dismissed ? "dismissed" : state;
            review["body"] = body;
            review["commit_id"] = pull.HeadSha;
            review["submitted_at"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            review["html_url"] = $"https://github.com/{repository}/pull/{pull.Number}#pullrequestreview-{id}";
            review["user"]!["login"] = reviewer;
            review["user"]!["type"] = "User";
        });

    private static void Pull(JsonObject pr, string repository, PullState pull, DateTimeOffset at)
    {
        pr["number"] = pull.Number;
        pr["title"] = pull.Title;
        pr["body"] = pull.Body;
        pr["draft"] = pull.Draft;
        pr["state"] = pull.State;
        pr["updated_at"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        pr["html_url"] = $"https://github.com/{repository}/pull/{pull.Number}";
        pr["head"]!["ref"] = pull.Head;
        pr["head"]!["sha"] = pull.HeadSha;
        pr["user"]!["login"] = pull.User;
    }

    private static void Installed(JourneyHarness harness, JsonObject payload, string sender)
    {
        payload["installation"]!["id"] = harness.Installation;
        payload["sender"]!["login"] = sender;
        payload["sender"]!["type"] = "User";
    }
}
