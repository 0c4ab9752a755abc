using System.Globalization;

namespace CourseBot.Bench;

/// <summary>
/// What a store soak found: deliveries signed and sent, acknowledged (202), stored (a row in the deliveries table), processed
/// (counted by the consumer), lost (sent but not stored or never processed) and doubled (processed more than once).
/// </summary>
internal sealed record SoakReport(
    int Sent, int Acknowledged, int Stored, int Processed, int Lost, int Doubled, double Rate, double AckP50, double AckP99,
    double AckMax, TimeSpan Drain)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sent {Sent}, acknowledged {Acknowledged}, stored {Stored}, processed {Processed}, lost {Lost}, doubled {Doubled}; "
        + $"achieved {Rate:0.0} webhooks/s; ack p50 {AckP50:0.0} ms, p99 {AckP99:0.0} ms, max {AckMax:0.0} ms; "
        + $"queue drained {Drain.TotalSeconds:0.0} s after the last send");
}
