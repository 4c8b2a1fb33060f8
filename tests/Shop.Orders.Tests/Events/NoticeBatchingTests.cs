using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shop.Orders.Events;
using Shop.Orders.Ordering;
using Shop.Testing;

namespace Shop.Orders.Tests.Events;

/// <summary>
/// Notices that arrive together (here: NOTIFYs of one transaction, delivered at its commit) are
/// handed to the hub together, and the orders they name are read in one round trip, not one per
/// notice: what keeps delivery up with a steady stream of transitions at scale.
/// </summary>
public sealed class NoticeBatchingTests(NoticeBatchingTests.Host orders) : IClassFixture<NoticeBatchingTests.Host>
{
    private const int Orders = 40;

    /// <summary>The orders service with its repository counting reads.</summary>
    public sealed class Host : OrdersHost
    {
        public CountingOrderRepository.Counter Reads { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IOrderRepository));
            services.Remove(original);
            services.AddScoped<IOrderRepository>(provider => new CountingOrderRepository(
                (IOrderRepository)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), Reads));
        }
    }

    [Fact]
    public async Task NoticesArrivingTogether_AreDeliveredWithOneReadOfTheirOrders()
    {
        var watched = await WatchOrdersWithAChangeNotYetNotifiedAsync(Orders);

        await NotifyTogetherAsync(watched.Notices);

        await watched.EachDeliveredChange2Async(because: "every order's change 2 should arrive");
        // The first notice may be taken alone, before the rest arrived; the others share one read.
        Assert.InRange(orders.Reads.OrderReads, 1, 3);
    }

    [Fact]
    public async Task OrdersUnreadableForAWhile_TheirEventsStillArriveWithoutAnotherNotice()
    {
        var watched = await WatchOrdersWithAChangeNotYetNotifiedAsync(3);
        orders.Reads.FailNextReadsOfMany(3);

        // The last change of each order, notified once: no later notice would bring it.
        await NotifyTogetherAsync(watched.Notices);

        await watched.EachDeliveredChange2Async(because: "the batch should be read again after the failures");
        Assert.True(orders.Reads.OrderReads >= 4, $"3 failed reads and then one that succeeds; saw {orders.Reads.OrderReads}");
    }

    /// <summary>
    /// <paramref name="count"/> orders of one customer, each watched by a feed from change 1, then
    /// moved to change 2 without a notice; the read counter starts from zero after that.
    /// </summary>
    private async Task<Watched> WatchOrdersWithAChangeNotYetNotifiedAsync(int count)
    {
        var hub = orders.Host.GetRequiredService<OrderEventHub>();
        var customer = Guid.NewGuid();
        var stored = new List<Order>();
        for (var i = 0; i < count; i++)
        {
            stored.Add(await orders.SeedOrderAsync(customer));
        }

        var seen = stored.ToDictionary(order => order.Id, _ => new List<int>());
        var feeds = stored.Select(order => hub.ForOrder(order.Id, customer, afterSequence: 1).Subscribe(new Recorder(seen[order.Id]))).ToList();
        // Each feed has read its starting point (finding nothing new) before any change is stored.
        await Eventually.TrueAsync(() => stored.All(order => orders.Reads.TailsRead.ContainsKey(order.Id)));
        await StoreReservedWithoutNoticeAsync(stored);
        orders.Reads.Reset();
        return new Watched([.. stored.Select(order => new OrderStatusChangeNotice(order.Id, customer, 2))], seen, feeds);
    }

    private sealed record Watched(IReadOnlyList<OrderStatusChangeNotice> Notices, Dictionary<Guid, List<int>> Seen, List<IDisposable> Feeds)
    {
        /// <summary>Waits until every feed delivered exactly change 2, then ends the feeds.</summary>
        public async Task EachDeliveredChange2Async(string because)
        {
            await Eventually.TrueAsync(() => Seen.Values.All(sequences => Count(sequences) == 1), because: because);
            foreach (var sequences in Seen.Values)
            {
                lock (sequences)
                {
                    Assert.Equal([2], sequences);
                }
            }

            Feeds.ForEach(feed => feed.Dispose());
        }
    }

    private async Task StoreReservedWithoutNoticeAsync(List<Order> stored)
    {
        await using var scope = orders.Host.Services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        foreach (var order in stored)
        {
            var version = order.Version;
            order.MoveTo(OrderStatus.Reserved, "stored without a notice", order.UpdatedAt.AddSeconds(1));
            Assert.True(await repository.TryUpdateAsync(order, version, default));
        }
    }

    private async Task NotifyTogetherAsync(IEnumerable<OrderStatusChangeNotice> notices)
    {
        await using var connection = new NpgsqlConnection(orders.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var notice in notices)
        {
            await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction)
            {
                Parameters = { new() { Value = PostgresOrderEvents.Channel }, new() { Value = JsonSerializer.Serialize(notice, OrderEventJson.Options) } },
            };
            await notify.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static int Count(List<int> sequences)
    {
        lock (sequences)
        {
            return sequences.Count;
        }
    }

    private sealed class Recorder(List<int> sequences) : IObserver<OrderStatusChangeEvent>
    {
        public void OnNext(OrderStatusChangeEvent value)
        {
            lock (sequences)
            {
                sequences.Add(value.Change.Sequence);
            }
        }

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }
}
