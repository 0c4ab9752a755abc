using System.Collections.Concurrent;
using System.Net;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// Serves release files over HTTP on loopback, standing in for a GitHub Release's download folder
/// (<c>__GRADER_RELEASE_URL__</c>), and remembers which files were asked for.
/// </summary>
internal sealed class ReleaseServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _loop;

    public ReleaseServer()
    {
        var port = LoopbackPorts.Free();
        BaseUrl = $"http://127.0.0.1:{port}/releases/download/v1.2.0";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyCollection<string> Requests => _requests;

    public void Publish(string name, byte[] content) => _files[name] = content;

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal exception.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var name = context.Request.Url!.AbsolutePath.Split('/')[^1];
            _requests.Enqueue(name);
            using var response = context.Response;
            if (_files.TryGetValue(name, out var content))
            {
                response.ContentLength64 = content.Length;
                await response.OutputStream.WriteAsync(content);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }
}
