using Shop.Orchestrator.Activities;
using Shop.Orders.Ordering;
using Temporalio.Exceptions;

namespace Shop.Orchestrator.Tests.Activities;

/// <summary>
/// <see cref="InventoryActivities"/> against the real products service: how stock moves in its
/// database, and its refusals (reason as the error type) as non-retryable.
/// </summary>
[Collection(RealServicesCollection.Name)]
public sealed class RealInventoryActivityTests(RealServices services)
{
    [Fact]
    public async Task Reserve_SeededOrdersLines_HeldAndUnitsReserved()
    {
        var seeded = await services.SeedOrderAsync(quantity: 3, stock: 10);
        var order = await RunOrderAsync(a => a.GetOrderAsync(seeded.Id), "GetOrder");
        var productId = order.Lines[0].ProductId;

        var state = await RunInventoryAsync(a => a.ReserveAsync(new ReserveInput(order.OrderId, order.Lines)), "Reserve");

        Assert.Equal("HELD", state);
        var stock = await services.StockAsync(productId);
        Assert.Equal((10, 3, 7), (stock.Total, stock.Reserved, stock.Available));
    }

    [Fact]
    public async Task Commit_HeldReservation_CommittedAndUnitsLeaveTheShelf()
    {
        var (order, productId) = await ReservedOrderAsync(quantity: 3, stock: 10);

        var state = await RunInventoryAsync(a => a.CommitAsync(order.Id), "Commit");
        var repeated = await RunInventoryAsync(a => a.CommitAsync(order.Id), "Commit");

        Assert.Equal(("COMMITTED", "COMMITTED"), (state, repeated));
        var stock = await services.StockAsync(productId);
        Assert.Equal((7, 0), (stock.Total, stock.Reserved));
    }

    [Fact]
    public async Task Commit_NoReservation_NonRetryableReservationNotFound()
    {
        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunInventoryAsync(a => a.CommitAsync(Guid.NewGuid()), "Commit"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("NOT_FOUND", failure.ErrorType);
    }

    [Fact]
    public async Task Reserve_BeyondStock_NonRetryableInsufficientStockNamingTheShortage()
    {
        var seeded = await services.SeedOrderAsync(quantity: 5, stock: 2);
        var productId = seeded.Lines[0].ProductId;

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunInventoryAsync(
            a => a.ReserveAsync(new ReserveInput(seeded.Id, [new OrderItem(productId, "Phin filter", 5)])), "Reserve"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("INSUFFICIENT_STOCK", failure.ErrorType);
        Assert.Contains($"{productId}:2", failure.Message, StringComparison.Ordinal);
        var stock = await services.StockAsync(productId);
        Assert.Equal((2, 0), (stock.Total, stock.Reserved));
    }

    [Fact]
    public async Task Release_AfterReserve_UnitsBackAndARepeatIsHarmless()
    {
        var (order, productId) = await ReservedOrderAsync(quantity: 4, stock: 6);

        var state = await RunInventoryAsync(a => a.ReleaseAsync(order.Id), "Release");
        var repeated = await RunInventoryAsync(a => a.ReleaseAsync(order.Id), "Release");

        Assert.Equal(("RELEASED", "RELEASED"), (state, repeated));
        var stock = await services.StockAsync(productId);
        Assert.Equal((6, 0), (stock.Total, stock.Reserved));
    }

    [Fact]
    public async Task Commit_ReleasedReservation_NonRetryableReservationReleased()
    {
        var (order, productId) = await ReservedOrderAsync(quantity: 1, stock: 3);
        await RunInventoryAsync(a => a.ReleaseAsync(order.Id), "Release");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunInventoryAsync(a => a.CommitAsync(order.Id), "Commit"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("RESERVATION_RELEASED", failure.ErrorType);
        Assert.Equal(3, (await services.StockAsync(productId)).Total);
    }

    private Task<T> RunOrderAsync<T>(Func<OrderActivities, Task<T>> activity, string type) => services.RunAsync(type, activity);

    private Task<T> RunInventoryAsync<T>(Func<InventoryActivities, Task<T>> activity, string type) => services.RunAsync(type, activity);

    private async Task<(Order Order, Guid ProductId)> ReservedOrderAsync(int quantity, int stock)
    {
        var order = await services.SeedOrderAsync(quantity, stock);
        var productId = order.Lines[0].ProductId;
        Assert.Equal("HELD", await RunInventoryAsync(
            a => a.ReserveAsync(new ReserveInput(order.Id, [new OrderItem(productId, "Phin filter", quantity)])), "Reserve"));
        Assert.Equal(quantity, (await services.StockAsync(productId)).Reserved);
        return (order, productId);
    }
}
