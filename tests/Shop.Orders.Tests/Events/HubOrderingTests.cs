using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Events;
using Shop.Orders.Ordering;

namespace Shop.Orders.Tests.Events;

/// <summary>
/// The hub fed notices that are lost, repeated, reordered and concurrent, over real stored orders:
/// each subscriber still sees each order's changes once, complete and in order.
/// </summary>
public sealed class HubOrderingTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    [Fact]
    public async Task ShuffledRepeatedConcurrentNotices_EachSubscriberGetsEveryChangeOnceInOrder()
    {
        var hub = orders.Host.GetRequiredService<OrderEventHub>();
        var customer = Guid.NewGuid();
        var stored = new List<Order>();
        for (var i = 0; i < 6; i++)
        {
            stored.Add(await orders.SeedOrderAsync(customer));
        }

        // Watching from the placement on; the changes are then stored without any notice.
        var perOrder = stored.Select(o => (Order: o, Seen: new Recorder())).ToList();
        var feeds = perOrder.Select(w => hub.ForOrder(w.Order.Id, customer, afterSequence: 1).Subscribe(w.Seen)).ToList();
        foreach (var order in stored)
        {
            await StoreJourneyAsync(order);
        }

        var notices = stored
            .SelectMany(o => Enumerable.Range(1, o.History.Count).Select(sequence => new OrderStatusChangeNotice(o.Id, customer, sequence)))
            .SelectMany(n => new[] { n, n, n with { Sequence = 0 } })
            .OrderBy(_ => Random.Shared.Next())
            .ToList();

        await Parallel.ForEachAsync(notices, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (n, ct) => new ValueTask(hub.DispatchAsync(n, ct)));

        foreach (var (order, seen) in perOrder)
        {
            await Shop.Testing.Eventually.TrueAsync(() => seen.Count >= 4);
            Assert.Equal([2, 3, 4, 5], seen.Sequences());
            Assert.All(seen.Events, e => Assert.Equal(order.Id, e.Order.Id));
            Assert.All(seen.Events, e => Assert.Equal(e.Change.To, e.OrderAsOf().Status));
        }

        feeds.ForEach(feed => feed.Dispose());
    }

    private async Task StoreJourneyAsync(Order order)
    {
        await using var scope = orders.Host.Services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        foreach (var to in new[] { OrderStatus.Reserved, OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Completed })
        {
            var version = order.Version;
            order.MoveTo(to, "stored without a notice", order.UpdatedAt.AddSeconds(1));
            Assert.True(await repository.TryUpdateAsync(order, version, default));
        }
    }

    private sealed class Recorder : IObserver<OrderStatusChangeEvent>
    {
        private readonly List<OrderStatusChangeEvent> _events = [];

        public int Count
        {
            get
            {
                lock (_events)
                {
                    return _events.Count;
                }
            }
        }

        public IReadOnlyList<OrderStatusChangeEvent> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public int[] Sequences() => [.. Events.Select(e => e.Change.Sequence)];

        public void OnNext(OrderStatusChangeEvent value)
        {
            lock (_events)
            {
                _events.Add(value);
            }
        }

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }
}
