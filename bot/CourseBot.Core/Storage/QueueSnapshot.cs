namespace CourseBot.Core.Storage;

/// <summary>The delivery queue at one moment: how many messages wait or are leased, and how long the oldest has waited.</summary>
/// <param name="Depth">Messages waiting or leased (Azure: the queue's approximate count).</param>
/// <param name="OldestAge">Since the oldest message was enqueued; zero when the queue is empty.</param>
public sealed record QueueSnapshot(int Depth, TimeSpan OldestAge);
