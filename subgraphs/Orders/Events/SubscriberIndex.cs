namespace Shop.Orders.Events;

/// <summary>
/// The hub's subscribers by what they watch (one order, or every order of a customer), so a notice
/// finds its few watchers without walking all of this instance's subscriptions, thousands at scale.
/// </summary>
internal sealed class SubscriberIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<OrderEventSubscriber>> _byOrder = [];
    private readonly Dictionary<Guid, List<OrderEventSubscriber>> _byCustomer = [];

    public void Add(OrderEventSubscriber subscriber)
    {
        lock (_gate)
        {
            var (map, key) = SlotOf(subscriber);
            if (!map.TryGetValue(key, out var subscribers))
            {
                map[key] = subscribers = [];
            }

            subscribers.Add(subscriber);
        }
    }

    public void Remove(OrderEventSubscriber subscriber)
    {
        lock (_gate)
        {
            var (map, key) = SlotOf(subscriber);
            if (map.TryGetValue(key, out var subscribers) && subscribers.Remove(subscriber) && subscribers.Count == 0)
            {
                map.Remove(key);
            }
        }
    }

    /// <summary>Those that want events of <paramref name="orderId"/>: its own watchers and its customer's feeds.</summary>
    public List<OrderEventSubscriber> Watching(Guid orderId, Guid customerId)
    {
        var found = new List<OrderEventSubscriber>();
        lock (_gate)
        {
            if (_byOrder.TryGetValue(orderId, out var watchers))
            {
                found.AddRange(watchers);
            }

            if (_byCustomer.TryGetValue(customerId, out var feeds))
            {
                found.AddRange(feeds);
            }
        }

        return found;
    }

    /// <summary>Every subscriber of this instance, as of now (a backplane reconnect catches them all up).</summary>
    public List<OrderEventSubscriber> All()
    {
        lock (_gate)
        {
            return [.. _byOrder.Values.SelectMany(list => list), .. _byCustomer.Values.SelectMany(list => list)];
        }
    }

    private (Dictionary<Guid, List<OrderEventSubscriber>> Map, Guid Key) SlotOf(OrderEventSubscriber subscriber)
        => subscriber.OrderId is { } orderId ? (_byOrder, orderId) : (_byCustomer, subscriber.CustomerId);
}
