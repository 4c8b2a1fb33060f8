using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;
using Shop.Testing.Redis;

namespace Shop.Orders.Tests.Api;

/// <summary>With Redis configured, two instances share events through it instead of PostgreSQL.</summary>
public sealed class RedisBackplaneTests(RedisBackplaneTests.Host orders) : IClassFixture<RedisBackplaneTests.Host>
{
    public sealed class Host : RedisOrdersHost;

    [Fact]
    public async Task TransitionOnOneInstance_ReachesSubscribersOnAnother()
    {
        Assert.SkipUnless(RedisServer.Available, RedisServer.MissingReason);
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        var second = await orders.StartInstanceAsync();
        var secondHub = second.GetRequiredService<OrderEventHub>();
        await using var stream = await SseClient.PostAsync(
            second.CreateHttpClient(),
            "subscription ($id: ID!) { orderStatusChanged(orderId: $id) { to } }",
            new { id = order.Id },
            orders.Tokens.Customer(customer));
        await Eventually.TrueAsync(() => secondHub.WatchersOf(order.Id, customer) == 1);

        foreach (var to in new[] { OrderStatus.Reserved, OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Completed })
        {
            await orders.Grpc().TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), To = to, Reason = "via redis" });
        }

        var received = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            received.Add((await stream.ReadEventAsync())!.Json.GetProperty("data").GetProperty("orderStatusChanged").GetProperty("to").GetString());
        }

        Assert.Equal(["RESERVED", "AWAITING_PAYMENT", "PAID", "COMPLETED"], received);
    }
}
