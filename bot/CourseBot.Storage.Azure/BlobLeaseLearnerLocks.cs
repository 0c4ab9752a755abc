using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using CourseBot.Core.Storage;

namespace CourseBot.Storage.Azure;

/// <summary>
/// Learner locks across Functions instances: a 60-second lease on one small blob per learner,
/// renewed while the work runs, released at the end. A process that dies holding it loses it
/// within a minute, so a crash never blocks a learner for long.
/// </summary>
public sealed class BlobLeaseLearnerLocks(AzureStorageAccount account, string prefix, TimeProvider time) : ILearnerLocks
{
    public BlobLeaseLearnerLocks(string connectionString, string prefix, TimeProvider time)
        : this(AzureStorageAccount.Parse(connectionString), prefix, time)
    {
    }

    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    private readonly BlobContainerClient _container = account.Container(prefix + "locks");

    /// <summary>How long to wait for a lease held elsewhere before giving up (the queue retries the work).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(2);

    public Task InitializeAsync(CancellationToken cancel) => _container.CreateIfNotExistsAsync(cancellationToken: cancel);

    public async Task<IAsyncDisposable> AcquireAsync(string repository, CancellationToken cancel)
    {
        var blob = _container.GetBlobClient(Uri.EscapeDataString(repository));
        if (!await blob.ExistsAsync(cancel).ConfigureAwait(false))
        {
            try
            {
                await blob.UploadAsync(BinaryData.FromString(repository), overwrite: false, cancel).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // created (or leased) by another instance at the same moment
            }
        }

        var lease = blob.GetBlobLeaseClient();
        var deadline = time.GetUtcNow() + MaxWait;
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseLength, cancellationToken: cancel).ConfigureAwait(false);
                return new Held(lease, time);
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && time.GetUtcNow() + pause < deadline)
            {
                await Task.Delay(pause, time, cancel).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease, TimeProvider time)
        {
            _lease = lease;
            _renewing = RenewAsync(time);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            try
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // expired already: nothing to release
            }

            _stop.Dispose();
        }

        private async Task RenewAsync(TimeProvider time)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await Task.Delay(Renewal, time, _stop.Token).ConfigureAwait(false);
                    await _lease.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (RequestFailedException)
            {
                // lost the lease (storage unreachable for a minute): the work finishes; its writes are idempotent
            }
        }
    }
}
