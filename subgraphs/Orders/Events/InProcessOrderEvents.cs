namespace Shop.Orders.Events;

/// <summary>The backplane of a single instance with no PostgreSQL or Redis to carry events: straight to the hub.</summary>
public sealed class InProcessOrderEvents(OrderEventHub hub) : IOrderEventPublisher
{
    public Task PublishAsync(OrderStatusChangeNotice notice, CancellationToken cancellationToken)
        => hub.DispatchAsync(notice, cancellationToken);
}
