using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Products.Data;
using Shop.Products.Grpc;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Products.Tests;

/// <summary>
/// Real parallel gRPC calls against one service instance and database: stock is never oversold,
/// never negative, and total = available + reserved + committed holds after any mix of calls.
/// </summary>
public sealed class InventoryConcurrencyTests(ProductsHost products) : IClassFixture<ProductsHost>
{
    private readonly InventoryService.InventoryServiceClient _inventory = products.Inventory();

    [Fact]
    public async Task Reserve_ManyOrdersAtOnceForTheLastUnits_ExactlyAsManySucceedAsThereIsStock()
    {
        var product = await NewProductAsync(10);
        var gate = new TaskCompletionSource();

        var calls = Enumerable.Range(0, 60).Select(async _ =>
        {
            await gate.Task;
            return await OutcomeAsync(() => _inventory.ReserveAsync(Guid.NewGuid(), (product, 1)));
        }).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal(10, outcomes.Count(o => o == "OK"));
        Assert.Equal(50, outcomes.Count(o => o == "FailedPrecondition INSUFFICIENT_STOCK"));
        var stock = await products.StockAsync(product);
        Assert.Equal((10, 10), (stock.Total, stock.Reserved));
    }

    [Fact]
    public async Task Reserve_OrdersNamingProductsInOppositeOrders_NeitherDeadlockNorOversell()
    {
        var (a, b) = (await NewProductAsync(15), await NewProductAsync(15));
        var gate = new TaskCompletionSource();

        var calls = Enumerable.Range(0, 40).Select(async i =>
        {
            await gate.Task;
            (Guid, int)[] lines = i % 2 == 0 ? [(a, 1), (b, 1)] : [(b, 1), (a, 1)];
            return await OutcomeAsync(() => _inventory.ReserveAsync(Guid.NewGuid(), lines));
        }).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal(15, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Equal("FailedPrecondition INSUFFICIENT_STOCK", o));
        Assert.Equal(15, (await products.StockAsync(a)).Reserved);
        Assert.Equal(15, (await products.StockAsync(b)).Reserved);
    }

    [Fact]
    public async Task Reserve_OneOrderRepeatedAtOnce_HoldsItsUnitsOnce()
    {
        var product = await NewProductAsync(10);
        var orderId = Guid.NewGuid();
        var gate = new TaskCompletionSource();

        var calls = Enumerable.Range(0, 20).Select(async _ =>
        {
            await gate.Task;
            return await OutcomeAsync(() => _inventory.ReserveAsync(orderId, (product, 3)));
        }).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(calls);

        Assert.All(outcomes, o => Assert.Equal("OK", o));
        Assert.Equal(3, (await products.StockAsync(product)).Reserved);
    }

    [Fact]
    public async Task RandomMix_OfReserveCommitAndReleaseWithRepeats_KeepsStockConserved()
    {
        var random = new Random(20240611);
        var productIds = new List<Guid>();
        var initial = new Dictionary<Guid, int>();
        for (var i = 0; i < 5; i++)
        {
            var id = await NewProductAsync(40);
            productIds.Add(id);
            initial[id] = 40;
        }

        var orders = Enumerable.Range(0, 80).Select(_ => new MixOrder(
            Guid.NewGuid(),
            [.. productIds.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(id => (id, random.Next(1, 6)))],
            Ending: random.Next(4),
            Repeats: random.Next(1, 4),
            AllAtOnce: random.Next(2) == 0)).ToList();
        var log = new ConcurrentBag<(Guid OrderId, string Call, string Outcome)>();
        using var parallelism = new SemaphoreSlim(24);

        async Task CallAsync(MixOrder order, string call)
        {
            await parallelism.WaitAsync();
            try
            {
                var outcome = call switch
                {
                    "reserve" => await OutcomeAsync(() => _inventory.ReserveAsync(order.Id, order.Lines)),
                    "commit" => await OutcomeAsync(() => _inventory.CommitAsync(order.Id)),
                    _ => await OutcomeAsync(() => _inventory.ReleaseAsync(order.Id)),
                };
                log.Add((order.Id, call, outcome));
            }
            finally
            {
                parallelism.Release();
            }
        }

        // Half the orders fire every call at once (a Commit may overtake its Reserve); the others
        // run their calls in turn, but all orders run side by side.
        await Task.WhenAll(orders.Select(async order =>
        {
            var calls = order.Calls().ToList();
            if (order.AllAtOnce)
            {
                await Task.WhenAll(calls.Select(call => Task.Run(() => CallAsync(order, call))));
                return;
            }

            foreach (var call in calls)
            {
                await CallAsync(order, call);
            }
        }));

        Assert.All(log, entry => Assert.Contains(entry.Outcome, Allowed[entry.Call]));
        var (states, lines) = await ReservationsAsync(orders.Select(o => o.Id).ToList());
        foreach (var order in orders)
        {
            var calls = log.Where(entry => entry.OrderId == order.Id).ToList();
            var committed = calls.Any(c => c is { Call: "commit", Outcome: "OK" });
            var released = calls.Any(c => c is { Call: "release", Outcome: "OK" });
            Assert.False(committed && released, $"Order {order.Id} was both committed and released.");
            Assert.Equal(committed, states.GetValueOrDefault(order.Id) == StoredReservationState.Committed);
            Assert.Equal(released, states.GetValueOrDefault(order.Id) == StoredReservationState.Released);
        }

        foreach (var productId in productIds)
        {
            var stock = await products.StockAsync(productId);
            var committedUnits = Units(lines, states, productId, StoredReservationState.Committed);
            var heldUnits = Units(lines, states, productId, StoredReservationState.Held);
            // Units only leave by being committed: what is in stock now plus what was sold is what there was.
            Assert.Equal(initial[productId], stock.Total + committedUnits);
            Assert.Equal(heldUnits, stock.Reserved);
            Assert.True(stock.Reserved >= 0 && stock.Available >= 0, $"Negative stock: {stock.Total} total, {stock.Reserved} reserved.");
        }

        // Settling what is still held returns every unit that was not sold.
        foreach (var orderId in states.Where(s => s.Value == StoredReservationState.Held).Select(s => s.Key))
        {
            await _inventory.ReleaseAsync(orderId);
        }

        foreach (var productId in productIds)
        {
            var stock = await products.StockAsync(productId);
            Assert.Equal((initial[productId] - Units(lines, states, productId, StoredReservationState.Committed), 0), (stock.Total, stock.Reserved));
        }
    }

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["reserve"] = ["OK", "FailedPrecondition INSUFFICIENT_STOCK"],
        ["commit"] = ["OK", "NotFound NOT_FOUND", "FailedPrecondition RESERVATION_RELEASED", "FailedPrecondition RESERVATION_REJECTED"],
        ["release"] = ["OK", "NotFound NOT_FOUND", "FailedPrecondition RESERVATION_COMMITTED", "FailedPrecondition RESERVATION_REJECTED"],
    };

    private static int Units(List<Data.ReservationLine> lines, Dictionary<Guid, string> states, Guid productId, string state)
        => lines.Where(l => l.ProductId == productId && states[l.OrderId] == state).Sum(l => l.Quantity);

    private Task<(Dictionary<Guid, string> States, List<Data.ReservationLine> Lines)> ReservationsAsync(List<Guid> orderIds)
        => products.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ProductsDbContext>();
            var reservations = await db.Reservations.AsNoTracking().Where(r => orderIds.Contains(r.OrderId)).ToListAsync();
            var lines = await db.ReservationLines.AsNoTracking().Where(l => orderIds.Contains(l.OrderId)).ToListAsync();
            return (reservations.ToDictionary(r => r.OrderId, r => r.State.ToDb()), lines);
        });

    /// <summary>"OK", or the status code and reason of the refusal.</summary>
    private static async Task<string> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return "OK";
        }
        catch (RpcException exception)
        {
            return $"{exception.StatusCode} {exception.Reason()}";
        }
    }

    [Fact]
    public async Task SetStock_RacingReserves_NeverLosesAnUpdateNorOversells()
    {
        var product = await NewProductAsync(20);
        var gate = new TaskCompletionSource();
        const string SetStock = "mutation ($input: SetStockInput!) { setStock(input: $input) { errors { code } } }";
        var admin = products.Admin();

        var reserves = Enumerable.Range(0, 40).Select(async _ =>
        {
            await gate.Task;
            return await OutcomeAsync(() => _inventory.ReserveAsync(Guid.NewGuid(), (product, 1)));
        }).ToList();
        var counts = Enumerable.Range(0, 10).Select(async i =>
        {
            await gate.Task;
            var payload = (await admin.PostAsync(SetStock, new { input = new { productId = product, total = 10 + (i * 3), reason = $"Count {i}" } })).EnsureNoErrors();
            return payload.Data.GetProperty("setStock").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).FirstOrDefault();
        }).ToList();
        gate.SetResult();
        var reserved = await Task.WhenAll(reserves);
        var counted = await Task.WhenAll(counts);

        var stock = await products.StockAsync(product);
        Assert.Equal(reserved.Count(o => o == "OK"), stock.Reserved);
        Assert.True(stock.Reserved <= stock.Total, $"{stock.Reserved} reserved of {stock.Total}");
        Assert.All(counted, code => Assert.Contains(code, new[] { null, "STOCK_BELOW_RESERVED" }));
        // Each count starts from the total the one before it left (none computed from a stale read):
        // the adjustments chain from the first stock to the total now. Every total here is distinct.
        var adjustments = await products.InScopeAsync(services => services.GetRequiredService<ProductsDbContext>().StockAdjustments
            .Where(a => a.ProductId == product).ToListAsync());
        Assert.Equal(counted.Count(code => code is null) + 1, adjustments.Count);
        var current = Assert.Single(adjustments, a => a.PreviousTotal == 0).NewTotal;
        for (var step = 1; step < adjustments.Count; step++)
        {
            current = Assert.Single(adjustments, a => a.PreviousTotal == current).NewTotal;
        }

        Assert.Equal(current, stock.Total);
    }

    private async Task<Guid> NewProductAsync(int stock)
        => (await products.CreateProductAsync("MIX-" + Guid.NewGuid().ToString("N")[..10], stock: stock)).Id;

    /// <summary>One order of the mix: its lines, how often each call repeats, and how it ends.</summary>
    private sealed record MixOrder(Guid Id, (Guid ProductId, int Quantity)[] Lines, int Ending, int Repeats, bool AllAtOnce)
    {
        public IEnumerable<string> Calls()
        {
            var endings = Ending switch
            {
                0 => ["commit"],
                1 => ["release"],
                2 => new[] { "commit", "release" },
                _ => [],
            };
            return Enumerable.Repeat("reserve", Repeats).Concat(endings.SelectMany(call => Enumerable.Repeat(call, Repeats)));
        }
    }
}
