using System.Text.Json;
using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;

namespace Shop.Orders.Tests.Events;

/// <summary>Many orders move at once, through two instances, watched by several subscribers on both.</summary>
public sealed class ConcurrentDeliveryTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    private const int Customers = 3;
    private const int OrdersPerCustomer = 4;

    [Fact]
    public async Task ParallelTransitionsOnManyOrders_EachSubscriberSeesEachOrdersChangesCompleteAndInOrder()
    {
        var second = await orders.StartInstanceAsync();
        TestServiceHost[] instances = [orders.Host, second];
        var customers = Enumerable.Range(0, Customers).Select(_ => Guid.NewGuid()).ToArray();
        var placed = new List<(Guid Customer, Guid Order)>();
        foreach (var customer in customers)
        {
            for (var i = 0; i < OrdersPerCustomer; i++)
            {
                placed.Add((customer, (await orders.SeedOrderAsync(customer)).Id));
            }
        }

        var streams = new List<(SseStream Stream, string Field, Guid? Order, Guid Customer, int Expected)>();
        foreach (var (customer, order) in placed)
        {
            var instance = instances[streams.Count % 2];
            streams.Add((await SseClient.PostAsync(instance.CreateHttpClient(), EventStreams.WatchOrder, new { id = order }, orders.Tokens.Customer(customer)),
                "orderStatusChanged", order, customer, EventStreams.Journey.Length));
        }

        foreach (var customer in customers)
        {
            foreach (var instance in instances)
            {
                streams.Add((await SseClient.PostAsync(instance.CreateHttpClient(), EventStreams.WatchMine, accessToken: orders.Tokens.Customer(customer)),
                    "myOrderUpdates", null, customer, EventStreams.Journey.Length * OrdersPerCustomer));
            }
        }

        // Every order watched by its own subscriber and by its customer's on both instances.
        await Eventually.TrueAsync(() => placed.All(p => instances.Sum(i => i.GetRequiredService<OrderEventHub>().WatchersOf(p.Order, p.Customer)) == 3));

        var moving = placed.Select((p, n) => Task.Run(async () =>
        {
            foreach (var to in EventStreams.Journey)
            {
                // Each step through either instance, so notices of one order come from both.
                var instance = instances[(n + (int)to) % 2];
                await orders.Grpc(instance).TransitionAsync(new TransitionRequest { OrderId = p.Order.ToString(), To = to, Reason = $"step {to}" });
            }
        }));
        var reading = streams.Select(s => EventStreams.ReadAsync(s.Stream, s.Field, s.Expected)).ToList();
        await Task.WhenAll(moving);
        var received = await Task.WhenAll(reading);

        for (var i = 0; i < streams.Count; i++)
        {
            var (_, _, order, customer, _) = streams[i];
            var byOrder = received[i].GroupBy(e => Guid.Parse(e.GetProperty("order").GetProperty("id").GetString()!)).ToDictionary(g => g.Key, g => g.ToList());
            var expectedOrders = order is { } only ? [only] : placed.Where(p => p.Customer == customer).Select(p => p.Order).ToArray();
            Assert.Equal(expectedOrders.Order(), byOrder.Keys.Order());
            foreach (var events in byOrder.Values)
            {
                Assert.Equal([2, 3, 4, 5], EventStreams.Sequences(events));
                Assert.Equal(EventStreams.JourneyNames, EventStreams.Statuses(events));
                EventStreams.AssertOrderAsOfEachEvent(events);
            }
        }

        foreach (var (stream, _, _, _, _) in streams)
        {
            await stream.DisposeAsync();
        }
    }
}
