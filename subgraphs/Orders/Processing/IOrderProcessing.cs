using Shop.Orders.Ordering;

namespace Shop.Orders.Processing;

/// <summary>
/// The hand-off from placing an order to processing it (reserve, pay, complete). The orchestrator
/// implements it with a Temporal workflow per order. Until one is registered, orders stay PENDING and
/// are not handed off; the sweeper hands them over once processing exists.
/// </summary>
public interface IOrderProcessing
{
    /// <summary>Starts processing; idempotent per order (a second start of the same order is a no-op).</summary>
    Task StartAsync(Order order, CancellationToken cancellationToken);

    /// <summary>Tells processing that the customer asked to cancel; the request is already stored on the order.</summary>
    Task RequestCancellationAsync(Order order, CancellationToken cancellationToken);
}
