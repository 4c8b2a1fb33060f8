using Shop.Orders.Ordering;

namespace Shop.Orders.Events;

/// <summary>
/// Tells every instance that an order's latest status change is stored. The storing is done by then,
/// so a failed send is retried here with backoff; if it keeps failing the exception reaches the caller,
/// whose retry of the same transition is a no-op that publishes again (see <see cref="OrderTransitions"/>).
/// Receivers drop repeats by sequence, so publishing twice is always safe.
/// </summary>
public sealed partial class OrderEventPublishing(IOrderEventPublisher publisher, ILogger<OrderEventPublishing> logger)
{
    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromMilliseconds(50),
        TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(200),
        TimeSpan.FromMilliseconds(400),
        TimeSpan.FromMilliseconds(800),
    ];

    /// <summary>How many sends one call tries before giving up.</summary>
    public static int Attempts => Backoff.Length + 1;

    public async Task PublishLatestAsync(Order order, CancellationToken cancellationToken)
    {
        var notice = new OrderStatusChangeNotice(order.Id, order.CustomerId, order.History[^1].Sequence);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await publisher.PublishAsync(notice, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && attempt < Backoff.Length)
            {
                LogPublishFailed(logger, exception, order.Code, notice.Sequence, Backoff[attempt]);
                await Task.Delay(Backoff[attempt], cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Code}: notice of change {Sequence} was not sent; retrying in {Delay}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string code, int sequence, TimeSpan delay);
}
