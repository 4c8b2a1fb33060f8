using Shop.Orders.Ordering;

namespace Shop.Orders.Tests.Domain;

public sealed class OrderLifecycleTests
{
    private static readonly HashSet<(OrderStatus, OrderStatus)> Allowed =
    [
        (OrderStatus.Pending, OrderStatus.Reserved),
        (OrderStatus.Pending, OrderStatus.Rejected),
        (OrderStatus.Pending, OrderStatus.Cancelled),
        (OrderStatus.Reserved, OrderStatus.AwaitingPayment),
        (OrderStatus.Reserved, OrderStatus.Cancelled),
        (OrderStatus.AwaitingPayment, OrderStatus.Paid),
        (OrderStatus.AwaitingPayment, OrderStatus.Cancelled),
        (OrderStatus.Paid, OrderStatus.Completed),
        (OrderStatus.Paid, OrderStatus.Cancelled),
    ];

    [Fact]
    public void CanMove_AllowsExactlyTheForwardMovesOfTheLifecycle()
    {
        var allowed = Allowed;

        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                Assert.Equal(allowed.Contains((from, to)), OrderLifecycle.CanMove(from, to));
            }
        }
    }

    [Theory]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Cancelled)]
    public void Terminal_Statuses_HaveNoWayOut(OrderStatus status) => Assert.True(OrderLifecycle.IsTerminal(status));

    [Theory]
    [InlineData(OrderStatus.Pending, true)]
    [InlineData(OrderStatus.Reserved, true)]
    [InlineData(OrderStatus.AwaitingPayment, true)]
    [InlineData(OrderStatus.Paid, false)]
    [InlineData(OrderStatus.Completed, false)]
    public void IsCancellable_UntilPaid(OrderStatus status, bool expected) => Assert.Equal(expected, OrderLifecycle.IsCancellable(status));

    [Fact]
    public void AsOf_IsTheOrderRightAfterThatChange()
    {
        var at = DateTimeOffset.UtcNow;
        var order = Order.Place(Guid.NewGuid(), "k", [new OrderLine(Guid.NewGuid(), "Tea", 25_000m, 1)], OrderCode.New(), at);
        order.MoveTo(OrderStatus.Reserved, "Stock held", at.AddSeconds(1));
        order.RequestCancellation("Too slow", at.AddSeconds(2));
        order.MoveTo(OrderStatus.Cancelled, "Cancelled by the customer", at.AddSeconds(3));

        var reserved = order.AsOf(2);
        var cancelled = order.AsOf(3);

        Assert.Equal(OrderStatus.Reserved, reserved.Status);
        Assert.Equal([1, 2], reserved.History.Select(c => c.Sequence));
        Assert.Null(reserved.Cancellation);
        Assert.Equal(at.AddSeconds(1), reserved.UpdatedAt);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal("Too slow", cancelled.Cancellation?.Reason);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => order.AsOf(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => order.AsOf(4));
    }

    [Fact]
    public void History_IsNumberedByPlace_WhateverTheStoredCopySays()
    {
        var at = DateTimeOffset.UtcNow;
        var stored = new[] { new OrderStatusChange(0, null, OrderStatus.Pending, "Order placed", at), new OrderStatusChange(0, OrderStatus.Pending, OrderStatus.Reserved, "held", at) };

        var order = new Order(Guid.NewGuid(), "SHP-0000-0001", Guid.NewGuid(), "k", [], OrderStatus.Reserved, stored, null, false, at, at, 2);

        Assert.Equal([1, 2], order.History.Select(c => c.Sequence));
    }

    [Fact]
    public void MoveTo_RecordsTheChangeAndBumpsTheVersion()
    {
        var at = DateTimeOffset.UtcNow;
        var order = Order.Place(Guid.NewGuid(), "k", [new OrderLine(Guid.NewGuid(), "Tea", 25_000m, 3)], OrderCode.New(), at);

        var change = order.MoveTo(OrderStatus.Reserved, "Stock held", at.AddSeconds(1));

        Assert.Equal(new OrderStatusChange(2, OrderStatus.Pending, OrderStatus.Reserved, "Stock held", at.AddSeconds(1)), change);
        Assert.Equal(2, order.History.Count);
        Assert.Equal(2, order.Version);
        Assert.Equal(75_000m, order.Total);
        Assert.Throws<InvalidOperationException>(() => order.MoveTo(OrderStatus.Pending, "back", at));
    }

    [Fact]
    public void OrderCode_IsReadableAndNormalizes()
    {
        var code = OrderCode.New();

        Assert.Matches("^SHP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.Equal(code, OrderCode.Normalize("  " + code.ToLowerInvariant() + " "));
        Assert.Null(OrderCode.Normalize("SHP-ILOU-0000"));
        Assert.Null(OrderCode.Normalize("SHP-12345678"));
        Assert.Null(OrderCode.Normalize(null));
    }
}
