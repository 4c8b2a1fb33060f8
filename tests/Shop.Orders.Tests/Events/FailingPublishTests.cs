using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Testing;
using Shop.Testing.Clients;

namespace Shop.Orders.Tests.Events;

/// <summary>Publishing a stored change fails: the subscriber gets the change anyway, once.</summary>
public sealed class FailingPublishTests(FailingPublishTests.Host orders) : IClassFixture<FailingPublishTests.Host>
{
    /// <summary>The orders service with its PostgreSQL backplane publisher behind a <see cref="FlakyPublisher"/>.</summary>
    public sealed class Host : OrdersHost
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton(provider => new FlakyPublisher(provider.GetRequiredService<PostgresOrderEvents>()));
            services.AddSingleton<IOrderEventPublisher>(provider => provider.GetRequiredService<FlakyPublisher>());
        }
    }

    private FlakyPublisher Publisher => orders.Host.GetRequiredService<FlakyPublisher>();

    [Fact]
    public async Task PublishFailsAFewTimes_TheTransitionSucceedsAndTheEventArrives()
    {
        var (order, stream) = await orders.WatchNewOrderAsync();
        Publisher.FailNext(3);

        var response = await orders.TransitionAsync(order, OrderStatus.Reserved);

        Assert.True(response.Changed);
        var received = Assert.Single(await EventStreams.ReadAsync(stream, "orderStatusChanged", 1));
        Assert.Equal("RESERVED", received.GetProperty("to").GetString());
        Assert.Equal(2, received.GetProperty("sequence").GetInt32());
        await stream.DisposeAsync();
        Assert.True(Publisher.Attempts >= 4, $"{Publisher.Attempts} sends");
    }

    [Fact]
    public async Task PublishKeepsFailing_TheCallFails_AndItsRetryPublishesTheStoredChange()
    {
        var (order, stream) = await orders.WatchNewOrderAsync();
        Publisher.FailNext(OrderEventPublishing.Attempts);

        var failed = await Assert.ThrowsAsync<RpcException>(() => orders.TransitionAsync(order, OrderStatus.Reserved));
        var retried = await orders.TransitionAsync(order, OrderStatus.Reserved);

        Assert.NotEqual(StatusCode.OK, failed.StatusCode);
        Assert.False(retried.Changed);
        // Nothing else happens to the order: only the retry's notice can bring this event.
        var reserved = await EventStreams.ReadAsync(stream, "orderStatusChanged", 1);
        await orders.TransitionAsync(order, OrderStatus.AwaitingPayment);
        var events = reserved.Concat(await EventStreams.ReadAsync(stream, "orderStatusChanged", 1)).ToList();
        Assert.Equal([2, 3], EventStreams.Sequences(events));
        Assert.Equal(["RESERVED", "AWAITING_PAYMENT"], EventStreams.Statuses(events));
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task PublishFailsForGood_TheNextChangeOfTheOrderBringsTheMissedOneFirst()
    {
        var (order, stream) = await orders.WatchNewOrderAsync();
        Publisher.FailNext(OrderEventPublishing.Attempts);
        await Assert.ThrowsAsync<RpcException>(() => orders.TransitionAsync(order, OrderStatus.Reserved));

        // No retry of that call: the next transition's notice points past the missed change.
        await orders.TransitionAsync(order, OrderStatus.Cancelled);

        var events = await EventStreams.ReadAsync(stream, "orderStatusChanged", 2);
        Assert.Equal([2, 3], EventStreams.Sequences(events));
        Assert.Equal(["RESERVED", "CANCELLED"], EventStreams.Statuses(events));
        EventStreams.AssertOrderAsOfEachEvent(events);
        await stream.DisposeAsync();
    }
}
