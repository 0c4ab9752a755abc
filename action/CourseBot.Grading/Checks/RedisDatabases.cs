using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CourseBot.Grading.Checks;

/// <summary>
/// Empties the Redis databases a grading run uses (broker and result backend) before each lab, so a lab never sees
/// the queues, results or keys a lab graded before it left behind. Speaks the three commands it needs (AUTH, SELECT,
/// FLUSHDB) over RESP itself: the grading job installs no Redis client for the grader.
/// </summary>
public static class RedisDatabases
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Flushes each database named by <paramref name="urls"/> (<c>redis://[:password@]host[:port]/N</c>); null when all were
    /// emptied, else why not.</summary>
    public static async Task<string?> FlushAsync(IEnumerable<string> urls, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            if (await FlushOneAsync(url, cancel).ConfigureAwait(false) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static async Task<string?> FlushOneAsync(string url, CancellationToken cancel)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "redis")
        {
            return $"cannot empty {Shown(url)}: only redis:// URLs are flushed";
        }

        var database = uri.AbsolutePath.Trim('/') is { Length: > 0 } path ? path : "0";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(uri.Host, uri.Port > 0 ? uri.Port : 6379, deadline.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            if (Password(uri) is { } password)
            {
                await CommandAsync(stream, deadline.Token, "AUTH", password).ConfigureAwait(false);
            }

            await CommandAsync(stream, deadline.Token, "SELECT", database).ConfigureAwait(false);
            await CommandAsync(stream, deadline.Token, "FLUSHDB").ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException
            || (ex is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            return $"could not empty {Shown(url)}: {ex.Message}";
        }
    }

    /// <summary>Sends one command as a RESP array and reads its one-line reply; an error reply throws.</summary>
    private static async Task CommandAsync(NetworkStream stream, CancellationToken cancel, params string[] arguments)
    {
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{arguments.Length}\r\n");
        foreach (var argument in arguments)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancel).ConfigureAwait(false);
        var reply = await ReadLineAsync(stream, cancel).ConfigureAwait(false);
        if (!reply.StartsWith('+'))
        {
            throw new InvalidDataException($"{arguments[0]} answered '{reply}'");
        }
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken cancel)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < 1024)
        {
            if (await stream.ReadAsync(one, cancel).ConfigureAwait(false) == 0)
            {
                throw new IOException("Redis closed the connection");
            }

            if (one[0] == '\n' && line.Count > 0 && line[^1] == '\r')
            {
                return Encoding.UTF8.GetString([.. line[..^1]]);
            }

            line.Add(one[0]);
        }

        throw new InvalidDataException("Redis sent an overlong reply");
    }

    private static string? Password(Uri uri) =>
        uri.UserInfo.Length == 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]);

    /// <summary>The URL without its password, for notes and logs.</summary>
    private static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? url.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : url;
}
