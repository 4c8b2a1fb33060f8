namespace Shop.Orders.Events;

/// <summary>Publishes a stored transition to every instance (a backplane other than PostgreSQL's own).</summary>
public interface IOrderEventPublisher
{
    Task PublishAsync(OrderStatusChanged change, CancellationToken cancellationToken);
}
