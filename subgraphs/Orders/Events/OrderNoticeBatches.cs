using System.Threading.Channels;

namespace Shop.Orders.Events;

/// <summary>
/// Between a backplane and the hub: the backplane posts each notice as it arrives and goes back to
/// listening; one loop hands the hub everything that arrived while it delivered the previous batch.
/// A quiet stream gives batches of one (one read per notice, as before); when reads fall behind,
/// each read serves all the notices that queued up meanwhile, instead of the queue growing by a
/// round trip per notice.
/// </summary>
internal sealed class OrderNoticeBatches(OrderEventHub hub)
{
    /// <summary>Most notices one batch, one read of their orders, takes.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<OrderStatusChangeNotice> _queue = Channel.CreateUnbounded<OrderStatusChangeNotice>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(OrderStatusChangeNotice notice) => _queue.Writer.TryWrite(notice);

    /// <summary>Delivers what is posted until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<OrderStatusChangeNotice>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var notice))
            {
                batch.Add(notice);
            }

            await hub.DispatchAsync([.. batch], stoppingToken);
            batch.Clear();
        }
    }
}
