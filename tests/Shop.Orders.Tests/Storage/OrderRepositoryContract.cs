using Shop.Orders.Ordering;

namespace Shop.Orders.Tests.Storage;

/// <summary>
/// What every order repository must do, whatever stores the orders. Each adapter runs this suite
/// through a subclass that supplies a repository on a fresh database.
/// </summary>
public abstract class OrderRepositoryContract
{
    /// <summary>A repository on this class's database; each call a fresh unit of work.</summary>
    protected abstract IOrderRepository Repository();

    [Fact]
    public async Task AddAsync_ThenGet_RoundTripsEveryField()
    {
        var order = OrderFactory.New(lines: 3);
        order.RequestCancellation("changed my mind", order.CreatedAt.AddSeconds(1));

        await Repository().AddAsync(order, default);
        var byId = await Repository().GetAsync(order.Id, default);
        var byCode = await Repository().GetByCodeAsync(order.Code, default);
        var byKey = await Repository().GetByIdempotencyKeyAsync(order.CustomerId, order.IdempotencyKey, default);

        foreach (var read in new[] { byId, byCode, byKey })
        {
            Assert.NotNull(read);
            AssertSame(order, read);
        }
    }

    [Fact]
    public async Task GetAsync_Unknown_IsNull()
    {
        Assert.Null(await Repository().GetAsync(Guid.NewGuid(), default));
        Assert.Null(await Repository().GetByCodeAsync("SHP-0000-0000", default));
    }

    [Fact]
    public async Task AddAsync_SameIdempotencyKey_ReturnsTheFirstOrderAndStoresNothing()
    {
        var customer = Guid.NewGuid();
        var first = OrderFactory.New(customer, "same-key");
        var second = OrderFactory.New(customer, "same-key");

        await Repository().AddAsync(first, default);
        var returned = await Repository().AddAsync(second, default);

        Assert.Equal(first.Id, returned.Id);
        Assert.Null(await Repository().GetAsync(second.Id, default));
    }

    [Fact]
    public async Task AddAsync_SameKeyOfAnotherCustomer_IsAnotherOrder()
    {
        var first = OrderFactory.New(Guid.NewGuid(), "shared-key");
        var second = OrderFactory.New(Guid.NewGuid(), "shared-key");

        await Repository().AddAsync(first, default);
        var returned = await Repository().AddAsync(second, default);

        Assert.Equal(second.Id, returned.Id);
    }

    [Fact]
    public async Task AddAsync_CodeTaken_Throws()
    {
        var first = OrderFactory.New();
        var clash = new Order(Guid.CreateVersion7(), first.Code, Guid.NewGuid(), "other", first.Lines, OrderStatus.Pending,
            first.History, null, false, first.CreatedAt, first.UpdatedAt, 1);
        await Repository().AddAsync(first, default);

        await Assert.ThrowsAsync<OrderCodeTakenException>(() => Repository().AddAsync(clash, default));
    }

    [Fact]
    public async Task AddAsync_ConcurrentSameKey_StoresOneOrder()
    {
        var customer = Guid.NewGuid();
        var attempts = Enumerable.Range(0, 12).Select(_ => OrderFactory.New(customer, "raced-key")).ToList();

        var stored = await Task.WhenAll(attempts.Select(order => Task.Run(() => Repository().AddAsync(order, default))));

        Assert.Single(stored.Select(o => o.Id).Distinct());
        var page = await Repository().ListAsync(new OrderQuery(customer, null, 50, null), default);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task TryUpdateAsync_AtTheExpectedVersion_Stores()
    {
        var order = OrderFactory.New();
        await Repository().AddAsync(order, default);

        order.MoveTo(OrderStatus.Reserved, "held", order.CreatedAt.AddSeconds(1));
        var stored = await Repository().TryUpdateAsync(order, expectedVersion: 1, default);

        Assert.True(stored);
        AssertSame(order, (await Repository().GetAsync(order.Id, default))!);
    }

    [Fact]
    public async Task TryUpdateAsync_AtAStaleVersion_ChangesNothing()
    {
        var order = OrderFactory.New();
        await Repository().AddAsync(order, default);
        order.MoveTo(OrderStatus.Reserved, "held", order.CreatedAt.AddSeconds(1));
        await Repository().TryUpdateAsync(order, 1, default);

        var stale = (await Repository().GetAsync(order.Id, default))!;
        stale.MoveTo(OrderStatus.Cancelled, "late writer", order.CreatedAt.AddSeconds(2));
        var stored = await Repository().TryUpdateAsync(stale, expectedVersion: 1, default);

        Assert.False(stored);
        Assert.Equal(OrderStatus.Reserved, (await Repository().GetAsync(order.Id, default))!.Status);
    }

    [Fact]
    public async Task TryUpdateAsync_ConcurrentWriters_ExactlyOneWins()
    {
        var order = OrderFactory.New();
        await Repository().AddAsync(order, default);

        var copies = new List<Order>();
        for (var i = 0; i < 16; i++)
        {
            var copy = (await Repository().GetAsync(order.Id, default))!;
            copy.MoveTo(OrderStatus.Reserved, $"writer {i}", order.CreatedAt.AddSeconds(1));
            copies.Add(copy);
        }

        var results = await Task.WhenAll(copies.Select(copy => Task.Run(() => Repository().TryUpdateAsync(copy, 1, default))));

        Assert.Equal(1, results.Count(won => won));
        Assert.Equal(2, (await Repository().GetAsync(order.Id, default))!.History.Count);
    }

    [Fact]
    public async Task GetStatusChangesAsync_ReturnsTheChangesAfterASequence_OldestFirst()
    {
        var order = OrderFactory.New();
        await Repository().AddAsync(order, default);
        var version = order.Version;
        foreach (var (to, seconds) in new[] { (OrderStatus.Reserved, 1), (OrderStatus.AwaitingPayment, 2), (OrderStatus.Paid, 3) })
        {
            order.MoveTo(to, $"to {to}", order.CreatedAt.AddSeconds(seconds));
            Assert.True(await Repository().TryUpdateAsync(order, version, default));
            version = order.Version;
        }

        var all = await Repository().GetStatusChangesAsync(order.Id, 0, default);
        var tail = await Repository().GetStatusChangesAsync(order.Id, 2, default);
        var none = await Repository().GetStatusChangesAsync(order.Id, 4, default);

        Assert.Equal(order.History, all);
        Assert.Equal([1, 2, 3, 4], all.Select(c => c.Sequence));
        Assert.Equal(order.History.Skip(2), tail);
        Assert.Equal([OrderStatus.AwaitingPayment, OrderStatus.Paid], tail.Select(c => c.To));
        Assert.Equal([3, 4], tail.Select(c => c.Sequence));
        Assert.Empty(none);
    }

    [Fact]
    public async Task GetStatusChangesAsync_UnknownOrder_IsEmpty()
        => Assert.Empty(await Repository().GetStatusChangesAsync(Guid.NewGuid(), 0, default));

    [Fact]
    public async Task GetStatusChangesAsync_NegativeSequence_IsRefused()
        => await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Repository().GetStatusChangesAsync(Guid.NewGuid(), -1, default));

    [Fact]
    public async Task ListAsync_PagesNewestFirst_WithFiltersAndTotal()
    {
        var customer = Guid.NewGuid();
        var orders = Enumerable.Range(0, 7).Select(_ => OrderFactory.New(customer)).ToList();
        foreach (var order in orders)
        {
            await Repository().AddAsync(order, default);
        }

        var reserved = orders[2];
        reserved.MoveTo(OrderStatus.Reserved, "held", reserved.CreatedAt.AddSeconds(1));
        await Repository().TryUpdateAsync(reserved, 1, default);
        await Repository().AddAsync(OrderFactory.New(), default);

        var first = await Repository().ListAsync(new OrderQuery(customer, null, 3, null), default);
        var last = first.Orders[2];
        var second = await Repository().ListAsync(new OrderQuery(customer, null, 3, new OrderCursor(last.CreatedAt, last.Id)), default);
        var onlyReserved = await Repository().ListAsync(new OrderQuery(customer, OrderStatus.Reserved, 10, null), default);

        var newestFirst = orders.OrderByDescending(o => o.CreatedAt).Select(o => o.Id).ToList();
        Assert.Equal(7, first.TotalCount);
        Assert.Equal(4, first.Orders.Count);
        Assert.Equal(newestFirst.Take(4), first.Orders.Select(o => o.Id));
        Assert.Equal(newestFirst.Skip(3).Take(4), second.Orders.Select(o => o.Id));
        Assert.Equal(reserved.Id, Assert.Single(onlyReserved.Orders).Id);
        Assert.Equal(1, onlyReserved.TotalCount);
    }

    [Fact]
    public async Task ListAsync_SameCreationTime_BreaksTiesById()
    {
        var customer = Guid.NewGuid();
        var template = OrderFactory.New(customer);
        var twins = Enumerable.Range(0, 5).Select(i => new Order(Guid.CreateVersion7(), OrderCode.New(), customer, $"twin-{i}", template.Lines,
            OrderStatus.Pending, template.History, null, false, template.CreatedAt, template.UpdatedAt, 1)).ToList();
        foreach (var twin in twins)
        {
            await Repository().AddAsync(twin, default);
        }

        var seen = new List<Guid>();
        OrderCursor? after = null;
        for (var page = 0; page < 5; page++)
        {
            var found = await Repository().ListAsync(new OrderQuery(customer, null, 2, after), default);
            seen.AddRange(found.Orders.Take(2).Select(o => o.Id));
            if (found.Orders.Count <= 2)
            {
                break;
            }

            after = new OrderCursor(found.Orders[1].CreatedAt, found.Orders[1].Id);
        }

        Assert.Equal(twins.Select(t => t.Id).Order(), seen.Order());
        Assert.Equal(5, seen.Distinct().Count());
    }

    [Fact]
    public async Task ListForCustomersAsync_ReturnsEachFirstPageInOneCall()
    {
        var busy = Guid.NewGuid();
        var quiet = Guid.NewGuid();
        var nobody = Guid.NewGuid();
        for (var i = 0; i < 4; i++)
        {
            await Repository().AddAsync(OrderFactory.New(busy), default);
        }

        var only = OrderFactory.New(quiet);
        await Repository().AddAsync(only, default);

        var pages = await Repository().ListForCustomersAsync([busy, quiet, nobody], first: 2, default);

        Assert.Equal(4, pages[busy].TotalCount);
        Assert.Equal(3, pages[busy].Orders.Count);
        Assert.True(pages[busy].Orders[0].CreatedAt >= pages[busy].Orders[1].CreatedAt);
        Assert.Equal(only.Id, Assert.Single(pages[quiet].Orders).Id);
        Assert.Empty(pages[nobody].Orders);
    }

    [Fact]
    public async Task GetNotHandedOffAsync_ReturnsOnlyOrdersProcessingHasNot()
    {
        var waiting = OrderFactory.New();
        var handed = OrderFactory.New();
        handed.MarkHandedOff(handed.CreatedAt);
        await Repository().AddAsync(waiting, default);
        await Repository().AddAsync(handed, default);

        var found = await Repository().GetNotHandedOffAsync(1000, DateTimeOffset.UtcNow, default);

        Assert.Contains(found, o => o.Id == waiting.Id);
        Assert.DoesNotContain(found, o => o.Id == handed.Id);
    }

    private static void AssertSame(Order expected, Order actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Code, actual.Code);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.IdempotencyKey, actual.IdempotencyKey);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.Cancellation, actual.Cancellation);
        Assert.Equal(expected.HandedOff, actual.HandedOff);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Version, actual.Version);
    }
}
