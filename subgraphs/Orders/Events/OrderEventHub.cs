using Shop.Orders.Ordering;

namespace Shop.Orders.Events;

/// <summary>
/// In-process fan-out of order events to this instance's subscribers. A notice from the backplane
/// says which order has which change; the order (its whole history inside) is read once per notice
/// for every subscriber behind it, and each subscriber takes from that history the changes after the
/// last it delivered. So a subscriber sees each order's sequence numbers strictly increasing and
/// without gaps, whatever the notices did (lost, repeated, reordered), and after a backplane
/// reconnect <see cref="CatchUpAsync"/> delivers what was notified while nobody listened.
/// </summary>
public sealed partial class OrderEventHub(IServiceScopeFactory scopes, ILogger<OrderEventHub> logger)
{
    /// <summary>How many of a customer's newest orders a customer feed reads when it starts and catches up.</summary>
    public const int CustomerWindow = 100;

    private readonly SubscriberIndex _index = new();

    /// <summary>Subscribers that would receive events of <paramref name="orderId"/> (of its customer or of the order itself).</summary>
    public int WatchersOf(Guid orderId, Guid customerId) => _index.Watching(orderId, customerId).Count;

    /// <summary>Changes of one order after its change number <paramref name="afterSequence"/>.</summary>
    public IObservable<OrderStatusChangeEvent> ForOrder(Guid orderId, Guid customerId, int afterSequence)
        => new Feed(this, observer => new OrderEventSubscriber(observer, orderId, customerId, new Dictionary<Guid, int> { [orderId] = afterSequence }));

    /// <summary>
    /// Changes of every order of one customer stored from now on: where the customer's recent orders
    /// stand is read first, and the feed delivers what comes after.
    /// </summary>
    public async Task<IObservable<OrderStatusChangeEvent>> ForCustomerAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var pages = await ReadNewestAsync([customerId], cancellationToken);
        var baseline = pages.Values.SelectMany(page => page.Orders).ToDictionary(order => order.Id, order => order.History.Count);
        return new Feed(this, observer => new OrderEventSubscriber(observer, null, customerId, baseline));
    }

    public Task DispatchAsync(OrderStatusChangeNotice notice, CancellationToken cancellationToken)
        => DispatchAsync([notice], cancellationToken);

    /// <summary>
    /// Several notices at once (what a backplane received while the previous ones were delivered):
    /// the orders they name that have a subscriber behind are read together, in one round trip.
    /// </summary>
    public async Task DispatchAsync(IReadOnlyCollection<OrderStatusChangeNotice> notices, CancellationToken cancellationToken)
    {
        var behind = new Dictionary<Guid, HashSet<OrderEventSubscriber>>();
        foreach (var notice in notices)
        {
            foreach (var subscriber in _index.Watching(notice.OrderId, notice.CustomerId))
            {
                if (subscriber.IsBehind(notice.OrderId, notice.Sequence))
                {
                    if (!behind.TryGetValue(notice.OrderId, out var waiting))
                    {
                        behind[notice.OrderId] = waiting = [];
                    }

                    waiting.Add(subscriber);
                }
            }
        }

        if (behind.Count == 0)
        {
            return;
        }

        // A failed read throws: the backplane's batches try again, the in-process publisher's
        // caller retries the publish, so the notices are not dropped here.
        var orders = await ReadManyAsync(behind.Keys, cancellationToken);

        foreach (var order in orders)
        {
            if (behind.Remove(order.Id, out var waiting))
            {
                foreach (var subscriber in waiting)
                {
                    subscriber.Deliver(order);
                }
            }
        }

        foreach (var missing in behind.Keys)
        {
            LogOrderMissing(logger, missing);
        }
    }

    /// <summary>
    /// Delivers what subscribers missed while the backplane was away: each watched order's changes
    /// after the oldest its subscribers delivered, and each watching customer's newest orders.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var subscribers = _index.All();
        foreach (var watched in subscribers.Where(s => s.OrderId is not null).GroupBy(s => s.OrderId!.Value))
        {
            var after = watched.Min(s => s.LastSequence(watched.Key));
            await using var scope = scopes.CreateAsyncScope();
            var orders = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
            if ((await orders.GetStatusChangesAsync(watched.Key, after, cancellationToken)).Count == 0)
            {
                continue;
            }

            if (await orders.GetAsync(watched.Key, cancellationToken) is { } order)
            {
                foreach (var subscriber in watched)
                {
                    subscriber.Deliver(order);
                }
            }
        }

        var customers = subscribers.Where(s => s.OrderId is null).Select(s => s.CustomerId).Distinct().ToList();
        if (customers.Count == 0)
        {
            return;
        }

        var pages = await ReadNewestAsync(customers, cancellationToken);
        foreach (var order in pages.Values.SelectMany(page => page.Orders))
        {
            foreach (var subscriber in subscribers.Where(s => s.OrderId is null && s.CustomerId == order.CustomerId))
            {
                subscriber.Deliver(order);
            }
        }
    }

    // The feed's starting point was read before it was registered: deliver what was stored in between
    // (after registering, every later change is notified to it).
    private async Task StartAsync(OrderEventSubscriber subscriber)
    {
        try
        {
            if (subscriber.OrderId is { } orderId)
            {
                await using var scope = scopes.CreateAsyncScope();
                var orders = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
                var missed = await orders.GetStatusChangesAsync(orderId, subscriber.LastSequence(orderId), subscriber.Stopping);
                if (missed.Count > 0 && await orders.GetAsync(orderId, subscriber.Stopping) is { } order)
                {
                    subscriber.Deliver(order);
                }

                return;
            }

            var pages = await ReadNewestAsync([subscriber.CustomerId], subscriber.Stopping);
            foreach (var order in pages.Values.SelectMany(page => page.Orders))
            {
                subscriber.Deliver(order);
            }
        }
        catch (OperationCanceledException) when (subscriber.Stopping.IsCancellationRequested)
        {
            // The subscriber left before it started.
        }
        catch (Exception exception)
        {
            LogStartFailed(logger, exception);
            subscriber.Fail(exception);
        }
    }

    private async Task<IReadOnlyList<Order>> ReadManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOrderRepository>().GetManyAsync(orderIds, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<Guid, OrderPage>> ReadNewestAsync(IReadOnlyCollection<Guid> customers, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOrderRepository>().ListForCustomersAsync(customers, CustomerWindow, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event for order {OrderId} arrived but the order cannot be read")]
    private static partial void LogOrderMissing(ILogger logger, Guid orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "An order event subscription could not start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    private sealed class Feed(OrderEventHub hub, Func<IObserver<OrderStatusChangeEvent>, OrderEventSubscriber> create)
        : IObservable<OrderStatusChangeEvent>
    {
        public IDisposable Subscribe(IObserver<OrderStatusChangeEvent> observer)
        {
            var subscriber = create(observer);
            hub._index.Add(subscriber);
            subscriber.Stopping.Register(() => hub._index.Remove(subscriber));
            // Registered first, then started: a change stored after the starting point was read is
            // either in what the start reads or notified to the registered subscriber, never in neither.
            _ = Task.Run(() => hub.StartAsync(subscriber));
            return subscriber;
        }
    }
}
