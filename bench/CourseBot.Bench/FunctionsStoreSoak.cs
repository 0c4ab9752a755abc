using System.Globalization;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Bench;

/// <summary>
/// <see cref="StoreSoak"/> on Azurite: 200 signed webhooks/s for <c>BENCH_SOAK_SECONDS</c> (default 600) through the Functions
/// host's webhook function into Azure Tables and Queues, drained by its queue function; exits non-zero if any is lost or doubled.
/// </summary>
internal static class FunctionsStoreSoak
{
    public static async Task RunAsync()
    {
        var seconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_SOAK_SECONDS") ?? "600", CultureInfo.InvariantCulture);
        var rate = double.Parse(Environment.GetEnvironmentVariable("BENCH_SOAK_RATE") ?? "200", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"functions-store-soak ({rate:0} signed webhooks/s for {seconds} s through WebhookFunction into Azurite, "
            + $"DeliveryFunction draining as host.json's queue trigger; {Environment.ProcessorCount} cores, "
            + $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the start)"));
        using var azurite = new Azurite();
        var report = await new StoreSoak(azurite.ConnectionString, "soak")
            .RunAsync(rate, TimeSpan.FromSeconds(seconds), CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine("  " + report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end"));
        if (report.Lost > 0 || report.Doubled > 0)
        {
            throw new InvalidOperationException($"{report.Lost} deliveries lost and {report.Doubled} processed twice");
        }
    }
}
