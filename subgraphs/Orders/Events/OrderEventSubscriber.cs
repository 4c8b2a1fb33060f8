using Shop.Orders.Ordering;

namespace Shop.Orders.Events;

/// <summary>
/// One subscription inside <see cref="OrderEventHub"/>: of one order (<see cref="OrderId"/> set) or of
/// every order of a customer. It remembers the last change it delivered per order and, given an order
/// read from storage, delivers exactly the changes after it, in order, under a lock, so concurrent
/// notices and catch-ups can neither reorder nor repeat nor skip a change.
/// </summary>
internal sealed class OrderEventSubscriber : IDisposable
{
    private readonly IObserver<OrderStatusChangeEvent> _observer;
    private readonly Dictionary<Guid, int> _last = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();

    // The baseline is where the watched orders stood when the feed's starting point was read: per
    // order, the last sequence not to deliver.
    public OrderEventSubscriber(IObserver<OrderStatusChangeEvent> observer, Guid? orderId, Guid customerId, IReadOnlyDictionary<Guid, int> baseline)
    {
        _observer = observer;
        OrderId = orderId;
        CustomerId = customerId;
        foreach (var (id, sequence) in baseline)
        {
            _last[id] = sequence;
        }
    }

    public Guid? OrderId { get; }

    public Guid CustomerId { get; }

    /// <summary>Cancelled once the subscriber is disposed.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Whether a notice of change <paramref name="sequence"/> may hold something new (0: it may).</summary>
    public bool IsBehind(Guid orderId, int sequence)
    {
        lock (_gate)
        {
            return sequence == 0 || sequence > LastOf(orderId);
        }
    }

    public int LastSequence(Guid orderId)
    {
        lock (_gate)
        {
            return LastOf(orderId);
        }
    }

    /// <summary>Delivers the changes of <paramref name="order"/> after the last one delivered.</summary>
    public void Deliver(Order order)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var last = LastOf(order.Id);
            for (var sequence = last + 1; sequence <= order.History.Count; sequence++)
            {
                _observer.OnNext(new OrderStatusChangeEvent(order, order.History[sequence - 1]));
                _last[order.Id] = sequence;
            }
        }
    }

    public void Fail(Exception exception)
    {
        lock (_gate)
        {
            _observer.OnError(exception);
        }

        Dispose();
    }

    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }
    }

    // An order a customer feed has not seen before was placed after its starting point was read (or
    // is older than the orders read then): its changes after the placement are all news.
    private int LastOf(Guid orderId) => _last.TryGetValue(orderId, out var last) ? last : 1;
}
