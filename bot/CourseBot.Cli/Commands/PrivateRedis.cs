using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CourseBot.Cli.Commands;

/// <summary>
/// A redis-server of the grading command's own, on a free loopback port, for <c>coursebot grade</c> and
/// <c>coursebot lab prove</c> run without <c>--broker</c>: the README's commands then work as typed on a machine
/// with no Redis running, and a local grade never shares a broker (or its queued tasks) with anything else.
/// Stopped by its own process id when the command ends.
/// </summary>
internal sealed class PrivateRedis : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;

    private PrivateRedis(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string BrokerUrl => string.Create(CultureInfo.InvariantCulture, $"redis://127.0.0.1:{Port}/0");

    /// <summary>Starts one, or returns null (and the caller keeps the default broker) when redis-server is not installed.</summary>
    public static async Task<PrivateRedis?> StartAsync(TextWriter log, CancellationToken cancel)
    {
        var executable = FindOnPath("redis-server");
        if (executable is null)
        {
            await log.WriteLineAsync("coursebot: redis-server is not installed; using the broker at redis://127.0.0.1:6379/0")
                .ConfigureAwait(false);
            return null;
        }

        var port = FreePort();
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (
            var arg in new[]
            {
                "--port",
                port.ToString(CultureInfo.InvariantCulture),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            }
        )
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new PrivateRedis(process, port);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout && !process.HasExited)
        {
            if (await AcceptsAsync(port, cancel).ConfigureAwait(false))
            {
                return redis;
            }

            await Task.Delay(20, cancel).ConfigureAwait(false);
        }

        await redis.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException(
            $"redis-server did not accept connections on port {port} within {StartTimeout.TotalSeconds:0} s"
        );
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancel)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancel).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name)
    {
        foreach (
            var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
                .Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Concat(["/usr/bin", "/usr/sbin"])
        )
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
