using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit.Webhooks;
using Octokit.Webhooks.AspNetCore;
using Octokit.Webhooks.Events;

namespace CourseBot.Bench;

/// <summary>
/// The two anchors the ingress benchmark runs beside CourseBot, on the same machine in the same
/// run: Octokit.Webhooks.AspNetCore 4.2.3 (its MapGitHubWebhooks with a handler that does
/// nothing) and Probot 14.3.2 (its Node middleware; installed on first use into bench/probot).
/// </summary>
internal static class IngressTargets
{
    public static async Task<WebApplication> OctokitWebhooksAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<WebhookEventProcessor, NothingProcessor>();
        var app = builder.Build();
        app.MapGitHubWebhooks("/api/github/webhooks", secret);
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    /// <summary>Starts Probot on <paramref name="port"/>; the caller kills the returned process (by its id, with its tree).</summary>
    public static async Task<Process> ProbotAsync(string root, int port, string secret)
    {
        var folder = Path.Combine(root, "bench", "probot");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "probot")))
        {
            using var install = Process.Start(
                new ProcessStartInfo("npm", "install --no-audit --no-fund --silent") { WorkingDirectory = folder }
            )!;
            await install.WaitForExitAsync().ConfigureAwait(false);
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException("npm install of probot failed in bench/probot");
            }
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("server.mjs");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(secret);
        var process = Process.Start(info)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return line == "listening" ? process : throw new InvalidOperationException($"probot did not start: {line}");
    }

    private sealed class NothingProcessor : WebhookEventProcessor
    {
        protected override ValueTask ProcessPushWebhookAsync(
            WebhookHeaders headers,
            PushEvent pushEvent,
            CancellationToken cancellationToken = default
        ) => ValueTask.CompletedTask;
    }
}
