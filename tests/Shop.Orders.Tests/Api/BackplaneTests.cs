using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.Orders.Tests.Api;

/// <summary>Two instances of the orders service share events through PostgreSQL LISTEN/NOTIFY.</summary>
public sealed class BackplaneTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    [Fact]
    public async Task TransitionOnOneInstance_ReachesSubscribersOnAnother()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        var second = await orders.StartInstanceAsync();
        var secondHub = second.GetRequiredService<OrderEventHub>();
        await using var stream = await SseClient.PostAsync(
            second.CreateHttpClient(),
            "subscription ($id: ID!) { orderStatusChanged(orderId: $id) { to order { status } } }",
            new { id = order.Id },
            orders.Tokens.Customer(customer));
        await Eventually.TrueAsync(() => secondHub.WatchersOf(order.Id, customer) == 1);

        foreach (var to in new[] { OrderStatus.Reserved, OrderStatus.AwaitingPayment, OrderStatus.Cancelled })
        {
            await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), To = to, Reason = "first instance" });
        }

        var received = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            received.Add((await stream.ReadEventAsync())!.Json.GetProperty("data").GetProperty("orderStatusChanged").GetProperty("to").GetString());
        }

        Assert.Equal(["RESERVED", "AWAITING_PAYMENT", "CANCELLED"], received);
    }
}
