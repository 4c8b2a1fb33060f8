using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;
using Shop.Testing.Redis;
using StackExchange.Redis;

namespace Shop.Orders.Tests.Events;

/// <summary>The Redis backplane (a real redis-server) loses a publish or its subscription connection.</summary>
public sealed class RedisEventTests(RedisEventTests.Host orders) : IClassFixture<RedisEventTests.Host>
{
    public sealed class Host : RedisOrdersHost
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton(provider => new FlakyPublisher(provider.GetRequiredService<RedisOrderEvents>()));
            services.AddSingleton<IOrderEventPublisher>(provider => provider.GetRequiredService<FlakyPublisher>());
        }
    }

    private FlakyPublisher Publisher => orders.Host.GetRequiredService<FlakyPublisher>();

    [Fact]
    public async Task PublishKeepsFailing_TheRetriedTransitionPublishesAndTheEventArrives()
    {
        Assert.SkipUnless(RedisServer.Available, RedisServer.MissingReason);
        var (order, stream) = await orders.WatchNewOrderAsync();
        Publisher.FailNext(OrderEventPublishing.Attempts + 2);

        await Assert.ThrowsAsync<RpcException>(() => orders.TransitionAsync(order, OrderStatus.Reserved));
        var retried = await orders.TransitionAsync(order, OrderStatus.Reserved);

        Assert.False(retried.Changed);
        var received = Assert.Single(await EventStreams.ReadAsync(stream, "orderStatusChanged", 1));
        Assert.Equal("RESERVED", received.GetProperty("to").GetString());
        Assert.Equal("RESERVED", received.GetProperty("order").GetProperty("status").GetString());
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task MessageLostThenSubscriptionConnectionDrops_TheReconnectCatchesUp()
    {
        Assert.SkipUnless(RedisServer.Available, RedisServer.MissingReason);
        var (order, stream) = await orders.WatchNewOrderAsync();
        Publisher.DropNext(1);
        await orders.TransitionAsync(order, OrderStatus.Reserved);

        // Nothing else will mention this order: only the catch-up after the reconnect can deliver it.
        await using var admin = await ConnectionMultiplexer.ConnectAsync(orders.RedisConnectionString + ",allowAdmin=true");
        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");

        var received = Assert.Single(await EventStreams.ReadAsync(stream, "orderStatusChanged", 1));
        Assert.Equal(2, received.GetProperty("sequence").GetInt32());
        Assert.Equal("RESERVED", received.GetProperty("to").GetString());
        await stream.DisposeAsync();
    }
}
