using Grpc.Core;
using Shop.Orders.Grpc;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Orders.Tests.Api;

/// <summary>The orchestrator's gRPC API: forward-only, repeat-safe transitions.</summary>
public sealed class TransitionTests(OrdersHost orders) : IClassFixture<OrdersHost>
{
    private static TransitionRequest Move(Guid id, OrderStatus to, OrderStatus expectedFrom = OrderStatus.Unspecified, string reason = "test")
        => new() { OrderId = id.ToString(), To = to, Reason = reason, ExpectedFrom = expectedFrom };

    [Fact]
    public async Task Transition_AlongTheLifecycle_RecordsEveryStep()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var grpc = orders.Grpc();

        foreach (var (to, reason) in new[]
        {
            (OrderStatus.Reserved, "Stock held"),
            (OrderStatus.AwaitingPayment, "ZaloPay order created"),
            (OrderStatus.Paid, "ZaloPay callback"),
            (OrderStatus.Completed, "Inventory committed"),
        })
        {
            var response = await grpc.TransitionAsync(Move(order.Id, to, reason: reason));
            Assert.True(response.Changed);
            Assert.Equal(to, response.Order.Status);
        }

        var stored = await grpc.GetOrderAsync(new GetOrderRequest { OrderId = order.Id.ToString() });
        Assert.Equal(
            [OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Completed],
            stored.History.Select(h => h.To));
        Assert.Equal("Inventory committed", stored.History[^1].Reason);
        Assert.Equal(OrderStatus.Unspecified, stored.History[0].From);
        Assert.True(stored.History.Zip(stored.History.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
    }

    [Fact]
    public async Task Transition_Repeated_IsASuccessfulNoOp()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var grpc = orders.Grpc();

        var first = await grpc.TransitionAsync(Move(order.Id, OrderStatus.Reserved));
        var repeat = await grpc.TransitionAsync(Move(order.Id, OrderStatus.Reserved, expectedFrom: OrderStatus.Pending));

        Assert.True(first.Changed);
        Assert.False(repeat.Changed);
        Assert.Equal(2, repeat.Order.History.Count);
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.AwaitingPayment)]
    public async Task Transition_SkippingAhead_IsFailedPrecondition(OrderStatus to)
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<RpcException>(() => orders.Grpc().TransitionAsync(Move(order.Id, to)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("ILLEGAL_TRANSITION", error.Reason());
    }

    [Fact]
    public async Task Transition_Backwards_IsFailedPrecondition_AndChangesNothing()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var grpc = orders.Grpc();
        await grpc.TransitionAsync(Move(order.Id, OrderStatus.Reserved));
        await grpc.TransitionAsync(Move(order.Id, OrderStatus.Cancelled));

        var error = await Assert.ThrowsAsync<RpcException>(() => grpc.TransitionAsync(Move(order.Id, OrderStatus.Reserved)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(OrderStatus.Cancelled, (await grpc.GetOrderAsync(new GetOrderRequest { OrderId = order.Id.ToString() })).Status);
    }

    [Fact]
    public async Task Transition_WithAStaleExpectedFrom_IsAborted()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var grpc = orders.Grpc();
        await grpc.TransitionAsync(Move(order.Id, OrderStatus.Reserved));

        var error = await Assert.ThrowsAsync<RpcException>(
            () => grpc.TransitionAsync(Move(order.Id, OrderStatus.Cancelled, expectedFrom: OrderStatus.Pending)).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("STALE_STATUS", error.Reason());
    }

    [Fact]
    public async Task Transition_ConcurrentSameMove_ChangesExactlyOnce()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var grpc = orders.Grpc();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grpc.TransitionAsync(Move(order.Id, OrderStatus.Reserved)).ResponseAsync));

        Assert.Equal(1, responses.Count(r => r.Changed));
        Assert.Equal(2, (await grpc.GetOrderAsync(new GetOrderRequest { OrderId = order.Id.ToString() })).History.Count);
    }

    [Fact]
    public async Task Transition_ConcurrentRivalMoves_OneWinsTheOthersAreRefused()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var grpc = orders.Grpc();

        var attempts = await Task.WhenAll(new[] { OrderStatus.Reserved, OrderStatus.Rejected, OrderStatus.Cancelled }
            .SelectMany(to => Enumerable.Repeat(to, 5))
            .Select(async to =>
            {
                try
                {
                    return (await grpc.TransitionAsync(Move(order.Id, to, expectedFrom: OrderStatus.Pending))).Order.Status;
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.Aborted)
                {
                    return OrderStatus.Unspecified;
                }
            }));

        var final = await grpc.GetOrderAsync(new GetOrderRequest { OrderId = order.Id.ToString() });
        Assert.Equal(2, final.History.Count);
        Assert.All(attempts.Where(s => s != OrderStatus.Unspecified), status => Assert.Equal(final.Status, status));
    }

    [Fact]
    public async Task Transition_UnknownOrder_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => orders.Grpc().TransitionAsync(Move(Guid.NewGuid(), OrderStatus.Reserved)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Transition_BadArguments_AreInvalidArgument()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var grpc = orders.Grpc();

        var badId = await Assert.ThrowsAsync<RpcException>(() => grpc.TransitionAsync(new TransitionRequest { OrderId = "nope", To = OrderStatus.Reserved, Reason = "x" }).ResponseAsync);
        var noStatus = await Assert.ThrowsAsync<RpcException>(() => grpc.TransitionAsync(new TransitionRequest { OrderId = order.Id.ToString(), Reason = "x" }).ResponseAsync);
        var noReason = await Assert.ThrowsAsync<RpcException>(() => grpc.TransitionAsync(Move(order.Id, OrderStatus.Reserved, reason: " ")).ResponseAsync);

        Assert.All(new[] { badId, noStatus, noReason }, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal(OrderStatus.Pending, (await grpc.GetOrderAsync(new GetOrderRequest { OrderId = order.Id.ToString() })).Status);
    }

    [Fact]
    public async Task GetOrder_ReturnsLinesAndExactTotal()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());

        var read = await orders.Grpc().GetOrderAsync(new GetOrderRequest { OrderId = order.Id.ToString() });

        Assert.Equal(order.Code, read.Code);
        Assert.Equal(order.Lines.Count, read.Lines.Count);
        Assert.Equal(order.Total, read.Total.ToDecimal());
        Assert.Equal("VND", read.Total.CurrencyCode);
    }
}
