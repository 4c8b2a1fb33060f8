using System.Text.Json;
using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.Orders.Tests.Api;

/// <summary>Watching orders over SSE and graphql-transport-ws, fed by transitions stored through gRPC.</summary>
public sealed class SubscriptionTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    private const string Watch = "subscription ($id: ID!) { orderStatusChanged(orderId: $id) { sequence to from reason at order { id status } } }";

    private static readonly (OrderStatus To, string Reason)[] Journey =
    [
        (OrderStatus.Reserved, "Stock held"),
        (OrderStatus.AwaitingPayment, "Payment created"),
        (OrderStatus.Paid, "Paid by ZaloPay"),
        (OrderStatus.Completed, "Done"),
    ];

    private OrderEventHub Hub => orders.Host.GetRequiredService<OrderEventHub>();

    private async Task MoveAlongAsync(Guid orderId)
    {
        foreach (var (to, reason) in Journey)
        {
            await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = orderId.ToString(), To = to, Reason = reason });
        }
    }

    private static void AssertJourney(IReadOnlyList<JsonElement> events)
    {
        Assert.Equal(["RESERVED", "AWAITING_PAYMENT", "PAID", "COMPLETED"], events.Select(e => e.GetProperty("to").GetString()));
        Assert.Equal(["PENDING", "RESERVED", "AWAITING_PAYMENT", "PAID"], events.Select(e => e.GetProperty("from").GetString()));
        Assert.Equal(Journey.Select(j => j.Reason), events.Select(e => e.GetProperty("reason").GetString()));
        Assert.All(events, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task Sse_ReceivesEveryTransitionInOrder_ThenEndsOnDisconnect()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        var stream = await SseClient.PostAsync(orders.Host.CreateHttpClient(), Watch, new { id = order.Id }, orders.Tokens.Customer(customer));
        await Eventually.TrueAsync(() => Hub.WatchersOf(order.Id, customer) == 1);

        await MoveAlongAsync(order.Id);
        var events = new List<JsonElement>();
        for (var i = 0; i < Journey.Length; i++)
        {
            var next = await stream.ReadEventAsync();
            Assert.Equal("next", next!.Event);
            events.Add(next.Json.GetProperty("data").GetProperty("orderStatusChanged"));
        }

        AssertJourney(events);
        Assert.Equal(order.Id.ToString(), events[0].GetProperty("order").GetProperty("id").GetString());
        await stream.DisposeAsync();
        await Eventually.TrueAsync(() => Hub.WatchersOf(order.Id, customer) == 0, because: "the subscription outlived the SSE client");
    }

    [Fact]
    public async Task WebSocket_ReceivesEveryTransitionInOrder_ThenEndsOnComplete()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        await using var client = await GraphQLWsClient.ConnectAsync(orders.Host.WebSocketAddress);
        await client.InitAsync(new { Authorization = "Bearer " + orders.Tokens.Customer(customer) });
        await client.SubscribeAsync("watch", Watch, new { id = order.Id });
        await Eventually.TrueAsync(() => Hub.WatchersOf(order.Id, customer) == 1);

        await MoveAlongAsync(order.Id);
        var events = new List<JsonElement>();
        for (var i = 0; i < Journey.Length; i++)
        {
            var message = (await client.ReceiveAsync())!.Value;
            Assert.Equal("next", message.GetProperty("type").GetString());
            events.Add(message.GetProperty("payload").GetProperty("data").GetProperty("orderStatusChanged"));
        }

        AssertJourney(events);
        await client.CompleteAsync("watch");
        await Eventually.TrueAsync(() => Hub.WatchersOf(order.Id, customer) == 0, because: "the subscription outlived complete");
    }

    [Fact]
    public async Task AnotherCustomer_CannotWatch()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        await using var client = await GraphQLWsClient.ConnectAsync(orders.Host.WebSocketAddress);
        await client.InitAsync(new { Authorization = "Bearer " + orders.Tokens.Customer() });

        await client.SubscribeAsync("peek", Watch, new { id = order.Id });

        var message = (await client.ReceiveAsync())!.Value;
        Assert.Contains("NOT_FOUND", message.GetRawText());
        Assert.DoesNotContain("\"status\"", message.GetRawText());
    }

    [Fact]
    public async Task Admin_CanWatchAnyOrder()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        await using var stream = await SseClient.PostAsync(orders.Host.CreateHttpClient(), Watch, new { id = order.Id }, orders.Tokens.Admin());
        await Eventually.TrueAsync(() => Hub.WatchersOf(order.Id, order.CustomerId) == 1);

        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), To = OrderStatus.Reserved, Reason = "held" });

        Assert.Equal("RESERVED", (await stream.ReadEventAsync())!.Json.GetProperty("data").GetProperty("orderStatusChanged").GetProperty("to").GetString());
    }

    [Fact]
    public async Task MyOrderUpdates_CarriesOnlyTheCustomersOwnOrders()
    {
        var customer = Guid.NewGuid();
        var mine = await orders.SeedOrderAsync(customer);
        var theirs = await orders.SeedOrderAsync(Guid.NewGuid());
        await using var stream = await SseClient.PostAsync(
            orders.Host.CreateHttpClient(), "subscription { myOrderUpdates { to order { id } } }", accessToken: orders.Tokens.Customer(customer));
        await Eventually.TrueAsync(() => Hub.WatchersOf(mine.Id, customer) == 1);

        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = theirs.Id.ToString(), To = OrderStatus.Reserved, Reason = "theirs" });
        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = mine.Id.ToString(), To = OrderStatus.Rejected, Reason = "Out of stock" });

        var update = (await stream.ReadEventAsync())!.Json.GetProperty("data").GetProperty("myOrderUpdates");
        Assert.Equal(mine.Id.ToString(), update.GetProperty("order").GetProperty("id").GetString());
        Assert.Equal("REJECTED", update.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Sse_StrangerWatchingSomeoneElsesOrder_GetsNotFoundAndNothingElse()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        await using var stream = await SseClient.PostAsync(orders.Host.CreateHttpClient(), Watch, new { id = order.Id }, orders.Tokens.Customer());

        var next = (await stream.ReadEventAsync())!;
        await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), To = OrderStatus.Reserved, Reason = "Stock held" });

        // Reported exactly like an order that does not exist, and the stream ends: no event leaks later.
        Assert.Equal("NOT_FOUND", next.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain(order.Code, next.Data, StringComparison.Ordinal);
        Assert.Equal("complete", (await stream.ReadEventAsync())!.Event);
    }

    [Fact]
    public async Task Anonymous_CannotSubscribe()
    {
        await using var stream = await SseClient.PostAsync(orders.Host.CreateHttpClient(), "subscription { myOrderUpdates { to } }");

        var next = await stream.ReadEventAsync();
        Assert.Contains("UNAUTHENTICATED", next!.Data);
        Assert.Equal("complete", (await stream.ReadEventAsync())!.Event);
    }
}
