namespace Shop.Orders.Events;

/// <summary>Sends a notice to every instance's hub over the configured backplane (PostgreSQL, Redis or in process).</summary>
public interface IOrderEventPublisher
{
    Task PublishAsync(OrderStatusChangeNotice notice, CancellationToken cancellationToken);
}
