using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.Orders.Tests.Events;

/// <summary>Where a subscription starts (and resumes), and the order each event carries: the order as of that event.</summary>
public sealed class SubscriptionStartTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    [Fact]
    public async Task ResumeAfterASequence_ReplaysTheStoredChanges_EachWithTheOrderAsOfIt()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        foreach (var to in EventStreams.Journey[..3])
        {
            await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), To = to, Reason = "before watching" });
        }

        // The order is PAID now; resuming after the placement replays RESERVED and AWAITING_PAYMENT as they were.
        await using var stream = await SseClient.PostAsync(
            orders.Host.CreateHttpClient(), EventStreams.WatchOrder, new { id = order.Id, after = 1 }, orders.Tokens.Customer(customer));
        var replayed = await EventStreams.ReadAsync(stream, "orderStatusChanged", 3);
        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), To = OrderStatus.Completed, Reason = "after watching" });
        var live = await EventStreams.ReadAsync(stream, "orderStatusChanged", 1);

        var events = replayed.Concat(live).ToList();
        Assert.Equal([2, 3, 4, 5], EventStreams.Sequences(events));
        Assert.Equal(["RESERVED", "AWAITING_PAYMENT", "PAID", "COMPLETED"], events.Select(e => e.GetProperty("order").GetProperty("status").GetString()));
        Assert.Equal(["PENDING", "RESERVED", "AWAITING_PAYMENT", "PAID"], events.Select(e => e.GetProperty("from").GetString()));
        EventStreams.AssertOrderAsOfEachEvent(events);
    }

    [Fact]
    public async Task WithoutAfterSequence_StartsAfterTheLatestChange()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), To = OrderStatus.Reserved, Reason = "before watching" });
        await using var stream = await SseClient.PostAsync(
            orders.Host.CreateHttpClient(), EventStreams.WatchOrder, new { id = order.Id }, orders.Tokens.Customer(customer));
        await Eventually.TrueAsync(() => orders.Host.GetRequiredService<OrderEventHub>().WatchersOf(order.Id, customer) == 1);

        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), To = OrderStatus.Cancelled, Reason = "after watching" });

        var received = Assert.Single(await EventStreams.ReadAsync(stream, "orderStatusChanged", 1));
        Assert.Equal(3, received.GetProperty("sequence").GetInt32());
        Assert.Equal("CANCELLED", received.GetProperty("to").GetString());
    }

    [Fact]
    public async Task MyOrderUpdates_StartsAfterEachOrdersLatestChange()
    {
        var customer = Guid.NewGuid();
        var moved = await orders.SeedOrderAsync(customer);
        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = moved.Id.ToString(), To = OrderStatus.Reserved, Reason = "before watching" });
        await using var stream = await SseClient.PostAsync(
            orders.Host.CreateHttpClient(), EventStreams.WatchMine, accessToken: orders.Tokens.Customer(customer));
        await Eventually.TrueAsync(() => orders.Host.GetRequiredService<OrderEventHub>().WatchersOf(moved.Id, customer) == 1);

        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = moved.Id.ToString(), To = OrderStatus.AwaitingPayment, Reason = "after watching" });
        var placedLater = await orders.SeedOrderAsync(customer);
        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = placedLater.Id.ToString(), To = OrderStatus.Rejected, Reason = "after watching" });

        // RESERVED was stored before subscribing: not news. The later order's changes after its placement are.
        var events = await EventStreams.ReadAsync(stream, "myOrderUpdates", 2);
        Assert.Equal([(moved.Id.ToString(), 3, "AWAITING_PAYMENT"), (placedLater.Id.ToString(), 2, "REJECTED")],
            events.Select(e => (e.GetProperty("order").GetProperty("id").GetString(), e.GetProperty("sequence").GetInt32(), e.GetProperty("to").GetString())));
    }

    [Fact]
    public async Task NegativeAfterSequence_IsRefused()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        await using var stream = await SseClient.PostAsync(
            orders.Host.CreateHttpClient(), EventStreams.WatchOrder, new { id = order.Id, after = -1 }, orders.Tokens.Customer(customer));

        var next = (await stream.ReadEventAsync())!;
        Assert.Equal("INVALID_ARGUMENT", next.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("complete", (await stream.ReadEventAsync())!.Event);
    }
}
