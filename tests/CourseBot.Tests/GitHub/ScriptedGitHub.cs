using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CourseBot.Tests.GitHub;

/// <summary>A loopback HTTP server that answers GitHub-style with a script of responses, recording when each request arrived.</summary>
internal sealed class ScriptedGitHub : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly long _started;

    private ScriptedGitHub(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        _started = time.GetTimestamp();
    }

    public ConcurrentQueue<(TimeSpan At, string Method, string Path)> Requests { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public Uri BaseAddress => new(_app.Urls.First() + "/");

    /// <param name="time">The clock request times are read from (a fake one in tests of waits); the real one by default.</param>
    public static async Task<ScriptedGitHub> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedGitHub(app, time ?? TimeProvider.System);
        app.Run(async context =>
        {
            server.Requests.Enqueue((server._time.GetElapsedTime(server._started), context.Request.Method, context.Request.Path));
            server.Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            if (server._script.TryDequeue(out var next))
            {
                await next(context);
            }
            else
            {
                await Ok(context);
            }
        });
        await app.StartAsync();
        return server;
    }

    public ScriptedGitHub Then(int status, Dictionary<string, string>? headers = null, string body = "{}")
    {
        _script.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        return this;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Task Ok(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("""{"login":"octocat","id":1}""");
    }
}
