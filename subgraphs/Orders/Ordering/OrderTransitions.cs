using Shop.Orders.Events;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Orders.Ordering;

/// <summary>
/// Moves orders along their lifecycle for order processing. A move to the current status is a
/// successful no-op; an illegal move is refused; concurrent writers are serialized by versions.
/// A stored move is then published; the call succeeds only once it was, so a caller that saw a
/// failure retries, and that retry (a no-op) publishes the latest change again.
/// </summary>
public sealed class OrderTransitions(IOrderRepository orders, OrderEventPublishing publishing, TimeProvider clock)
{
    private const int MaxAttempts = 10;

    public sealed record Outcome(Order Order, bool Changed);

    public async Task<Outcome> TransitionAsync(Guid orderId, OrderStatus to, string? reason, OrderStatus? expectedFrom, CancellationToken cancellationToken)
    {
        reason = OrderReason.Checked(reason);

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var order = await orders.GetAsync(orderId, cancellationToken) ?? throw OrderErrors.OrderNotFound(orderId);
            if (order.Status == to)
            {
                // Possibly the retry of a call whose publish failed after storing: publish again
                // (subscribers drop repeats by sequence, so an extra notice costs nothing).
                await publishing.PublishLatestAsync(order, cancellationToken);
                return new Outcome(order, Changed: false);
            }

            if (expectedFrom is { } expected && order.Status != expected)
            {
                throw new DomainException(new DomainError(OrderErrors.StaleStatus,
                    $"Order {order.Code} is {order.Status}, not {expected}."));
            }

            if (!OrderLifecycle.CanMove(order.Status, to))
            {
                throw new DomainException(new DomainError(OrderErrors.IllegalTransition,
                    $"Order {order.Code} cannot move from {order.Status} to {to}."));
            }

            var version = order.Version;
            order.MoveTo(to, reason, clock.Now());
            if (await orders.TryUpdateAsync(order, version, cancellationToken))
            {
                await publishing.PublishLatestAsync(order, cancellationToken);
                return new Outcome(order, Changed: true);
            }
        }

        throw new DomainException(new DomainError(OrderErrors.ConcurrentUpdate, "The order kept changing underneath; try again."));
    }
}
