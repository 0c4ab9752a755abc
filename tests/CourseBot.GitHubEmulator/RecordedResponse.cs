using System.Text;

namespace CourseBot.GitHubEmulator;

/// <summary>A response as the emulator sent it: the route (as registered, e.g. <c>/repos/{owner}/{repo}</c>), status and body.</summary>
public sealed record RecordedResponse(string Method, string Route, int Status, string Body);

/// <summary>Writes a route's result through a buffer so the recorder sees exactly the bytes the client gets.</summary>
internal sealed class RecordingResult(IResult inner, string method, string route, Action<RecordedResponse> recorder) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var client = httpContext.Response.Body;
        using var buffer = new MemoryStream();
        httpContext.Response.Body = buffer;
        try
        {
            await inner.ExecuteAsync(httpContext).ConfigureAwait(false);
        }
        finally
        {
            httpContext.Response.Body = client;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(client, httpContext.RequestAborted).ConfigureAwait(false);
        recorder(new RecordedResponse(method, route, httpContext.Response.StatusCode, Encoding.UTF8.GetString(buffer.ToArray())));
    }
}
