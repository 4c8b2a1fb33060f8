using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Shop.Products.Grpc;
using Shop.Products.Inventory;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Products.Tests;

/// <summary>Reserve, Commit and Release one call at a time: the rules, idempotency and refusals.</summary>
public sealed class InventoryTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    private readonly InventoryService.InventoryServiceClient _inventory = products.Inventory();

    [Fact]
    public async Task Reserve_EnoughStock_HoldsEveryLine()
    {
        var (a, b) = (await NewProductAsync(10), await NewProductAsync(5));
        var orderId = Guid.NewGuid();

        var reply = await _inventory.ReserveAsync(orderId, (a, 3), (b, 5));

        Assert.Equal((orderId.ToString(), ReservationState.Held), (reply.OrderId, reply.State));
        await AssertStockAsync(a, total: 10, reserved: 3);
        await AssertStockAsync(b, total: 5, reserved: 5);
    }

    [Fact]
    public async Task Reserve_RepeatedProductLines_AreMerged()
    {
        var a = await NewProductAsync(10);

        await _inventory.ReserveAsync(Guid.NewGuid(), (a, 2), (a, 3));

        await AssertStockAsync(a, total: 10, reserved: 5);
    }

    [Fact]
    public async Task Reserve_OneLineShort_HoldsNothingAndNamesTheShortProduct()
    {
        var (a, b) = (await NewProductAsync(10), await NewProductAsync(2));

        var error = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(Guid.NewGuid(), (a, 4), (b, 3)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("INSUFFICIENT_STOCK", error.Reason());
        Assert.Contains(b.ToString(), error.Status.Detail);
        Assert.Equal($"{b}:2", error.Trailers.GetValue("shortages"));
        var shortage = Assert.Single(Shortages.Parser.ParseFrom(error.Trailers.GetValueBytes("shortages-bin")).Items);
        Assert.Equal((b.ToString(), 3, 2), (shortage.ProductId, shortage.Requested, shortage.Available));
        await AssertStockAsync(a, total: 10, reserved: 0);
        await AssertStockAsync(b, total: 2, reserved: 0);
    }

    [Fact]
    public async Task Reserve_ManyShortLines_NamesEveryShortProductAndIsRemembered()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await NewProductAsync(0));
        }

        var orderId = Guid.NewGuid();
        var lines = ids.Select(id => (id, 2)).ToArray();

        var first = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(orderId, lines));
        var repeat = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(orderId, lines));

        Assert.Equal(40, Shortages.Parser.ParseFrom(first.Trailers.GetValueBytes("shortages-bin")).Items.Count);
        Assert.All(ids, id => Assert.Contains(id.ToString(), first.Status.Detail));
        Assert.Equal((first.Reason(), first.Status.Detail), (repeat.Reason(), repeat.Status.Detail));
    }

    [Fact]
    public async Task Reserve_RepeatOfARefusal_IsRefusedTheSameWayEvenAfterStockArrives()
    {
        var a = await NewProductAsync(1);
        var orderId = Guid.NewGuid();
        var first = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(orderId, (a, 2)));
        await products.InScopeAsync(s => s.GetRequiredService<InventoryLedger>().SetStockAsync(a, 50, "Delivery", null, CancellationToken.None));

        var repeat = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(orderId, (a, 2)));

        Assert.Equal((first.StatusCode, first.Reason(), first.Status.Detail), (repeat.StatusCode, repeat.Reason(), repeat.Status.Detail));
        Assert.Equal($"{a}:1", repeat.Trailers.GetValue("shortages"));
        await AssertStockAsync(a, total: 50, reserved: 0);
    }

    [Fact]
    public async Task Reserve_Repeat_ReturnsTheFirstOutcomeAndCountsOnce()
    {
        var a = await NewProductAsync(10);
        var orderId = Guid.NewGuid();

        var first = await _inventory.ReserveAsync(orderId, (a, 4));
        var repeat = await _inventory.ReserveAsync(orderId, (a, 4));

        Assert.Equal(first, repeat);
        await AssertStockAsync(a, total: 10, reserved: 4);
    }

    [Fact]
    public async Task Reserve_SameOrderWithOtherLines_IsAlreadyExists()
    {
        var a = await NewProductAsync(10);
        var orderId = Guid.NewGuid();
        await _inventory.ReserveAsync(orderId, (a, 4));

        var error = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(orderId, (a, 5)));

        Assert.Equal((StatusCode.AlreadyExists, "RESERVATION_CONFLICT"), (error.StatusCode, error.Reason()));
        await AssertStockAsync(a, total: 10, reserved: 4);
    }

    [Fact]
    public async Task Reserve_AfterCommit_ReturnsTheCommittedStateWithoutHoldingAgain()
    {
        var a = await NewProductAsync(10);
        var orderId = Guid.NewGuid();
        await _inventory.ReserveAsync(orderId, (a, 4));
        await _inventory.CommitAsync(orderId);

        var repeat = await _inventory.ReserveAsync(orderId, (a, 4));

        Assert.Equal(ReservationState.Committed, repeat.State);
        await AssertStockAsync(a, total: 6, reserved: 0);
    }

    [Theory]
    [InlineData("not-a-guid", "valid", 1, "INVALID_ID")]
    [InlineData("order", "not-a-guid", 1, "INVALID_ID")]
    [InlineData("order", "valid", 0, "INVALID_QUANTITY")]
    [InlineData("order", "valid", -3, "INVALID_QUANTITY")]
    [InlineData("order", "valid", 1_000_001, "INVALID_QUANTITY")]
    [InlineData("order", "none", 1, "INVALID_LINES")]
    public async Task Reserve_MalformedRequest_IsAnInvalidArgument(string order, string product, int quantity, string reason)
    {
        var a = await NewProductAsync(10);
        var orderId = order == "order" ? Guid.NewGuid().ToString() : order;
        (string, int)[] lines = product switch
        {
            "none" => [],
            "valid" => [(a.ToString(), quantity)],
            _ => [(product, quantity)],
        };

        var error = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(orderId, lines));

        Assert.Equal((StatusCode.InvalidArgument, reason), (error.StatusCode, error.Reason()));
        await AssertStockAsync(a, total: 10, reserved: 0);
    }

    [Fact]
    public async Task Reserve_UnknownProduct_IsNotFoundAndNotRemembered()
    {
        var a = await NewProductAsync(10);
        var orderId = Guid.NewGuid();

        var error = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(orderId, (a, 1), (Guid.NewGuid(), 1)));
        var retried = await _inventory.ReserveAsync(orderId, (a, 1));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(ReservationState.Held, retried.State);
        await AssertStockAsync(a, total: 10, reserved: 1);
    }

    [Fact]
    public async Task Reserve_ArchivedProduct_IsRefused()
    {
        var archived = (await products.CreateProductAsync("INV-ARCH-" + Guid.NewGuid().ToString("N")[..6], stock: 10, active: false)).Id;

        var error = await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(Guid.NewGuid(), (archived, 1)));

        Assert.Equal((StatusCode.FailedPrecondition, "PRODUCT_ARCHIVED"), (error.StatusCode, error.Reason()));
        await AssertStockAsync(archived, total: 10, reserved: 0);
    }

    [Fact]
    public async Task Commit_HeldReservation_TakesUnitsFromTotalAndReservedOnce()
    {
        var (a, b) = (await NewProductAsync(10), await NewProductAsync(3));
        var orderId = Guid.NewGuid();
        await _inventory.ReserveAsync(orderId, (a, 4), (b, 3));

        var first = await _inventory.CommitAsync(orderId);
        var repeat = await _inventory.CommitAsync(orderId);

        Assert.Equal([ReservationState.Committed, ReservationState.Committed], [first.State, repeat.State]);
        await AssertStockAsync(a, total: 6, reserved: 0);
        await AssertStockAsync(b, total: 0, reserved: 0);
    }

    [Fact]
    public async Task Release_HeldReservation_ReturnsUnitsOnce()
    {
        var a = await NewProductAsync(10);
        var orderId = Guid.NewGuid();
        await _inventory.ReserveAsync(orderId, (a, 4));

        var first = await _inventory.ReleaseAsync(orderId);
        var repeat = await _inventory.ReleaseAsync(orderId);

        Assert.Equal([ReservationState.Released, ReservationState.Released], [first.State, repeat.State]);
        await AssertStockAsync(a, total: 10, reserved: 0);
    }

    [Fact]
    public async Task CommitAndRelease_AfterTheOther_AreFailedPreconditions()
    {
        var a = await NewProductAsync(10);
        var (committed, released) = (Guid.NewGuid(), Guid.NewGuid());
        await _inventory.ReserveAsync(committed, (a, 2));
        await _inventory.ReserveAsync(released, (a, 3));
        await _inventory.CommitAsync(committed);
        await _inventory.ReleaseAsync(released);

        var releaseCommitted = await InventoryClient.FailureAsync(() => _inventory.ReleaseAsync(committed));
        var commitReleased = await InventoryClient.FailureAsync(() => _inventory.CommitAsync(released));

        Assert.Equal((StatusCode.FailedPrecondition, "RESERVATION_COMMITTED"), (releaseCommitted.StatusCode, releaseCommitted.Reason()));
        Assert.Equal((StatusCode.FailedPrecondition, "RESERVATION_RELEASED"), (commitReleased.StatusCode, commitReleased.Reason()));
        await AssertStockAsync(a, total: 8, reserved: 0);
    }

    [Fact]
    public async Task CommitAndRelease_OfARefusedReservation_AreFailedPreconditions()
    {
        var a = await NewProductAsync(1);
        var orderId = Guid.NewGuid();
        await InventoryClient.FailureAsync(() => _inventory.ReserveAsync(orderId, (a, 2)));

        var commit = await InventoryClient.FailureAsync(() => _inventory.CommitAsync(orderId));
        var release = await InventoryClient.FailureAsync(() => _inventory.ReleaseAsync(orderId));

        Assert.Equal((StatusCode.FailedPrecondition, "RESERVATION_REJECTED"), (commit.StatusCode, commit.Reason()));
        Assert.Equal((StatusCode.FailedPrecondition, "RESERVATION_REJECTED"), (release.StatusCode, release.Reason()));
        await AssertStockAsync(a, total: 1, reserved: 0);
    }

    [Fact]
    public async Task CommitAndRelease_OfAnUnknownOrder_AreNotFound()
    {
        var commit = await InventoryClient.FailureAsync(() => _inventory.CommitAsync(Guid.NewGuid()));
        var release = await InventoryClient.FailureAsync(() => _inventory.ReleaseAsync(Guid.NewGuid()));
        var malformed = await InventoryClient.FailureAsync(() => _inventory.CommitAsync(new CommitRequest { OrderId = "x" }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, "NOT_FOUND"), (commit.StatusCode, commit.Reason()));
        Assert.Equal(StatusCode.NotFound, release.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
    }

    private async Task<Guid> NewProductAsync(int stock)
        => (await products.CreateProductAsync("INV-" + Guid.NewGuid().ToString("N")[..10], stock: stock)).Id;

    private async Task AssertStockAsync(Guid productId, int total, int reserved)
    {
        var stock = await products.StockAsync(productId);
        Assert.Equal((total, reserved), (stock.Total, stock.Reserved));
    }
}
