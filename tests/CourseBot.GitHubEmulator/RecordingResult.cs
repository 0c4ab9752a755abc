using System.Text;

namespace CourseBot.GitHubEmulator;

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
