using System.Threading.Channels;

namespace Shop.Orders.Events;

/// <summary>
/// Between a backplane and the hub: the backplane posts each notice as it arrives and goes back to
/// listening; one loop hands the hub everything that arrived while it delivered the previous batch.
/// A quiet stream gives batches of one (one read per notice, as before); when reads fall behind,
/// each read serves all the notices that queued up meanwhile, instead of the queue growing by a
/// round trip per notice. A batch whose orders cannot be read (the database away, the pool
/// exhausted) is kept and tried again with backoff, together with what arrives meanwhile: nothing a
/// backplane handed over waits for a later notice of the same order, which may never come.
/// </summary>
internal sealed partial class OrderNoticeBatches(OrderEventHub hub, ILogger logger)
{
    /// <summary>Most notices one batch, one read of their orders, takes.</summary>
    public const int MaxBatch = 256;

    /// <summary>The first wait before a failed batch is tried again; then doubled up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<OrderStatusChangeNotice> _queue = Channel.CreateUnbounded<OrderStatusChangeNotice>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(OrderStatusChangeNotice notice) => _queue.Writer.TryWrite(notice);

    /// <summary>Delivers what is posted until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<OrderStatusChangeNotice>(MaxBatch);
        var retryDelay = FirstRetryDelay;
        while (batch.Count > 0 || await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var notice))
            {
                batch.Add(notice);
            }

            try
            {
                await hub.DispatchAsync([.. batch], stoppingToken);
                batch.Clear();
                retryDelay = FirstRetryDelay;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Delivering a notice twice is harmless (each subscriber takes only the changes after
                // its last), so the whole batch is simply tried again.
                LogDeliveryFailed(logger, exception, batch.Count, retryDelay);
                await Task.Delay(retryDelay, stoppingToken);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Events of {Count} notices were not delivered yet: reading their orders failed; trying again in {RetryDelay}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, int count, TimeSpan retryDelay);
}
