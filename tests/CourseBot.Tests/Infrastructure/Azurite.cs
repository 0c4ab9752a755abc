using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CourseBot.Tests.Infrastructure;

/// <summary>
/// Azurite (npm, installed into .tools/ by ./test) on free loopback ports, in memory, stopped by
/// its own process id. One instance serves every Azure test class (they use their own table and
/// queue prefixes): on a 2-core CI machine busy with lab proofs, starting several Node processes
/// at once was slow enough to miss a startup deadline.
/// The account key is Azurite's published development key.
/// </summary>
public sealed class Azurite : IDisposable
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(120);
    private readonly string _location = Directory.CreateTempSubdirectory("coursebot-azurite-").FullName;
    private readonly StringBuilder _errors = new();
    private readonly Process _process;

    public Azurite()
    {
        var binary = Path.Combine(RepositoryPaths.Root, ".tools", "node_modules", ".bin", "azurite");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {binary}: run ./test, or npm install --prefix .tools azurite"
            );
        }

        // A port picked free can be taken by another process before Azurite binds it; one retry
        // with fresh ports covers that race.
        for (var attempt = 1; ; attempt++)
        {
            var (blob, queue, table) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
            _process = Start(binary, blob, queue, table);
            var failure = WaitForPorts(blob, queue, table);
            if (failure is null)
            {
                ConnectionString =
                    $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};"
                    + $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;"
                    + $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;"
                    + $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
                return;
            }

            Stop();
            if (attempt == 2)
            {
                throw new InvalidOperationException($"{failure}; Azurite said: {_errors}");
            }
        }
    }

    public string ConnectionString { get; } = "";

    public void Dispose()
    {
        Stop();
        Directory.Delete(_location, recursive: true);
    }

    private Process Start(string binary, int blob, int queue, int table)
    {
        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (
            var arg in new[]
            {
                "--silent",
                "--skipApiVersionCheck",
                "--loose",
                "--location",
                _location,
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                $"{blob}",
                "--queueHost",
                "127.0.0.1",
                "--queuePort",
                $"{queue}",
                "--tableHost",
                "127.0.0.1",
                "--tablePort",
                $"{table}",
            }
        )
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private string? WaitForPorts(params int[] ports)
    {
        var clock = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (!Listening(port))
            {
                if (_process.HasExited)
                {
                    return $"Azurite exited with code {_process.ExitCode} before listening on {port}";
                }

                if (clock.Elapsed > StartupDeadline)
                {
                    return $"Azurite did not listen on {port} within {StartupDeadline.TotalSeconds} s";
                }

                Thread.Sleep(100);
            }
        }

        return null;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
