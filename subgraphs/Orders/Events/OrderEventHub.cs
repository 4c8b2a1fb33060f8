using System.Collections.Concurrent;
using Shop.Orders.Ordering;

namespace Shop.Orders.Events;

/// <summary>
/// In-process fan-out of order events to this instance's subscribers. The backplane feeds it every
/// stored transition; the order is read once per event (not once per subscriber) and handed to each
/// subscriber watching that order or that customer. A subscriber never receives an order's events
/// out of version order.
/// </summary>
public sealed partial class OrderEventHub(IServiceScopeFactory scopes, ILogger<OrderEventHub> logger)
{
    private readonly ConcurrentDictionary<Guid, Subscriber> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    /// <summary>Subscribers that would receive events of <paramref name="orderId"/> (of its customer or of the order itself).</summary>
    public int WatchersOf(Guid orderId, Guid customerId)
        => _subscribers.Values.Count(s => s.Wants(new OrderStatusChanged(orderId, customerId, null, OrderStatus.Pending, string.Empty, default, 0)));

    /// <summary>Events of one order.</summary>
    public IObservable<OrderStatusEvent> ForOrder(Guid orderId) => new Feed(this, orderId, null);

    /// <summary>Events of every order of one customer.</summary>
    public IObservable<OrderStatusEvent> ForCustomer(Guid customerId) => new Feed(this, null, customerId);

    public async Task DispatchAsync(OrderStatusChanged change, CancellationToken cancellationToken)
    {
        var interested = _subscribers.Values.Where(s => s.Wants(change)).ToList();
        if (interested.Count == 0)
        {
            return;
        }

        Order? order;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            order = await scope.ServiceProvider.GetRequiredService<IOrderRepository>().GetAsync(change.OrderId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One unreadable event must not stop the backplane feeding everyone else.
            LogReadFailed(logger, exception, change.OrderId);
            return;
        }

        if (order is null)
        {
            LogOrderMissing(logger, change.OrderId);
            return;
        }

        var statusEvent = new OrderStatusEvent(order, change.From, change.To, change.Reason, change.At);
        foreach (var subscriber in interested)
        {
            subscriber.Deliver(change, statusEvent);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event for order {OrderId} was not delivered: reading the order failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event for order {OrderId} arrived but the order cannot be read")]
    private static partial void LogOrderMissing(ILogger logger, Guid orderId);

    private sealed class Feed(OrderEventHub hub, Guid? orderId, Guid? customerId) : IObservable<OrderStatusEvent>
    {
        public IDisposable Subscribe(IObserver<OrderStatusEvent> observer)
        {
            var subscriber = new Subscriber(hub, orderId, customerId, observer);
            hub._subscribers[subscriber.Id] = subscriber;
            return subscriber;
        }
    }

    private sealed class Subscriber(OrderEventHub hub, Guid? orderId, Guid? customerId, IObserver<OrderStatusEvent> observer) : IDisposable
    {
        private readonly Dictionary<Guid, long> _lastVersion = [];

        public Guid Id { get; } = Guid.NewGuid();

        public bool Wants(OrderStatusChanged change)
            => (orderId is null || orderId == change.OrderId) && (customerId is null || customerId == change.CustomerId);

        public void Deliver(OrderStatusChanged change, OrderStatusEvent statusEvent)
        {
            lock (_lastVersion)
            {
                if (_lastVersion.TryGetValue(change.OrderId, out var last) && change.Version <= last)
                {
                    return;
                }

                _lastVersion[change.OrderId] = change.Version;
            }

            observer.OnNext(statusEvent);
        }

        public void Dispose() => hub._subscribers.TryRemove(Id, out _);
    }
}
