using Shop.Payments.Paying;

namespace Shop.Payments.Tests.Storage;

/// <summary>
/// What every payment repository must do, whatever stores the payments. Each adapter runs this
/// suite through a subclass that supplies a repository on a fresh database.
/// </summary>
public abstract class PaymentRepositoryContract
{
    /// <summary>A repository on this class's database; each call a fresh unit of work.</summary>
    protected abstract IPaymentRepository Repository();

    [Fact]
    public async Task TryAddAsync_ThenGet_RoundTripsEveryField()
    {
        var payment = PaymentFactory.Open();
        payment.ReceiveMoney("261101000000123", PaymentFactory.Next(), () => "261101_2553_REFUND0000001");
        payment.RequestRefund("Out of stock", "261101_2553_REFUND0000002", PaymentFactory.Next());
        payment.AddAttempt(new PaymentAttempt("261101_SECOND", PaymentFactory.Next(), AttemptState.Abandoned, Failure: "duplicate"), PaymentFactory.Next());

        Assert.True(await Repository().TryAddAsync(payment, default));
        var byId = await Repository().GetAsync(payment.OrderId, default);
        var byAttempt = await Repository().GetByAppTransIdAsync(payment.Attempts[0].AppTransId, default);

        foreach (var read in new[] { byId, byAttempt })
        {
            Assert.NotNull(read);
            AssertSame(payment, read);
        }
    }

    [Fact]
    public async Task GetAsync_Unknown_IsNull()
    {
        Assert.Null(await Repository().GetAsync(Guid.NewGuid(), default));
        Assert.Null(await Repository().GetByAppTransIdAsync("261101_NOBODY_1", default));
    }

    [Fact]
    public async Task GetByAppTransIdAsync_FindsAnyAttemptAndNothingElse()
    {
        var payment = PaymentFactory.New();
        var at = PaymentFactory.Next();
        payment.UpdateAttempt(payment.CurrentAttempt with { State = AttemptState.Abandoned }, at);
        payment.AddAttempt(new PaymentAttempt(payment.CurrentAttempt.AppTransId + "X", at, AttemptState.Creating), at);
        var other = PaymentFactory.New();
        await Repository().TryAddAsync(payment, default);
        await Repository().TryAddAsync(other, default);

        Assert.Equal(payment.OrderId, (await Repository().GetByAppTransIdAsync(payment.Attempts[0].AppTransId, default))?.OrderId);
        Assert.Equal(payment.OrderId, (await Repository().GetByAppTransIdAsync(payment.Attempts[1].AppTransId, default))?.OrderId);
        Assert.Equal(other.OrderId, (await Repository().GetByAppTransIdAsync(other.CurrentAttempt.AppTransId, default))?.OrderId);
        Assert.Null(await Repository().GetByAppTransIdAsync(payment.Attempts[0].AppTransId[..^1], default));
    }

    [Fact]
    public async Task TryAddAsync_SameOrderTwice_KeepsTheFirst()
    {
        var first = PaymentFactory.New(amount: 10_000m);
        var second = Payment.Open(first.OrderId, first.OrderCode, Guid.NewGuid(), 99_000m, "other", first.CurrentAttempt with { AppTransId = "261101_OTHER_1" }, first.CreatedAt);

        Assert.True(await Repository().TryAddAsync(first, default));
        Assert.False(await Repository().TryAddAsync(second, default));

        var stored = await Repository().GetAsync(first.OrderId, default);
        Assert.Equal(10_000m, stored!.Amount);
        Assert.Equal(first.CustomerId, stored.CustomerId);
    }

    [Fact]
    public async Task TryUpdateAsync_StaleVersion_ChangesNothing()
    {
        var payment = PaymentFactory.Open();
        await Repository().TryAddAsync(payment, default);
        var stale = await Repository().GetAsync(payment.OrderId, default);
        var fresh = await Repository().GetAsync(payment.OrderId, default);

        var freshVersion = fresh!.Version;
        fresh.MoveTo(PaymentStatus.Cancelled, "first writer", PaymentFactory.Next());
        Assert.True(await Repository().TryUpdateAsync(fresh, freshVersion, default));

        var staleVersion = stale!.Version;
        stale.MoveTo(PaymentStatus.Failed, "second writer", PaymentFactory.Next());
        Assert.False(await Repository().TryUpdateAsync(stale, staleVersion, default));

        var stored = await Repository().GetAsync(payment.OrderId, default);
        Assert.Equal(PaymentStatus.Cancelled, stored!.Status);
        Assert.Equal(freshVersion + 1, stored.Version);
    }

    [Fact]
    public async Task TryUpdateAsync_ConcurrentWritersOfOneVersion_ExactlyOneWins()
    {
        var payment = PaymentFactory.Open();
        await Repository().TryAddAsync(payment, default);

        // Every writer read the same version before any of them writes.
        var copies = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Repository().GetAsync(payment.OrderId, default)));
        var results = await Task.WhenAll(copies.Select((copy, i) => Task.Run(() =>
        {
            var version = copy!.Version;
            copy.ReceiveMoney($"26110100000{i:D4}", PaymentFactory.Next(), () => $"261101_2553_R{i:D12}");
            return Repository().TryUpdateAsync(copy, version, default);
        })));

        Assert.Equal(1, results.Count(won => won));
        Assert.Equal(PaymentStatus.Paid, (await Repository().GetAsync(payment.OrderId, default))!.Status);
    }

    [Fact]
    public async Task ListAsync_PagesNewestFirst_WithStatusFilterAndTotal()
    {
        var marker = await AddPaymentsAsync(5);
        var cancelled = await Repository().UpdateAsync(marker[1].OrderId, p =>
        {
            p.MoveTo(PaymentStatus.Cancelled, "test", PaymentFactory.Next());
            return true;
        }, default);

        var first = await Repository().ListAsync(new PaymentQuery(null, 2, null), default);
        var last = first.Payments[1];
        var second = await Repository().ListAsync(new PaymentQuery(null, 2, new PaymentCursor(last.CreatedAt, last.OrderId)), default);
        var onlyCancelled = await Repository().ListAsync(new PaymentQuery(PaymentStatus.Cancelled, 10, null), default);

        // Newest first: the payments added last come first.
        Assert.Equal([marker[4].OrderId, marker[3].OrderId, marker[2].OrderId], first.Payments.Select(p => p.OrderId));
        Assert.Equal([marker[2].OrderId, marker[1].OrderId, marker[0].OrderId], second.Payments.Take(3).Select(p => p.OrderId));
        Assert.True(first.TotalCount >= 5);
        Assert.Contains(onlyCancelled.Payments, p => p.OrderId == cancelled.OrderId);
        Assert.All(onlyCancelled.Payments, p => Assert.Equal(PaymentStatus.Cancelled, p.Status));
        Assert.Equal(onlyCancelled.Payments.Count, onlyCancelled.TotalCount);
    }

    [Fact]
    public async Task GetUnsettledAsync_ReturnsUnnotifiedAndUnrefunded_UnchangedSinceTheCutoff()
    {
        var unnotified = PaymentFactory.Open();
        unnotified.ReceiveMoney("261101000000901", PaymentFactory.Next(), () => "unused");
        var refunding = PaymentFactory.Open();
        refunding.MoveTo(PaymentStatus.Cancelled, "test", PaymentFactory.Next());
        refunding.ReceiveMoney("261101000000902", PaymentFactory.Next(), () => "261101_2553_REFUND0000903");
        var settled = PaymentFactory.Open();
        settled.ReceiveMoney("261101000000904", PaymentFactory.Next(), () => "unused");
        settled.MarkNotified(PaymentFactory.Next());
        var cutoff = PaymentFactory.Next();
        var tooFresh = PaymentFactory.Open();
        tooFresh.ReceiveMoney("261101000000905", PaymentFactory.Next(), () => "unused");
        foreach (var payment in new[] { unnotified, refunding, settled, tooFresh })
        {
            await Repository().TryAddAsync(payment, default);
        }

        var found = (await Repository().GetUnsettledAsync(1000, cutoff, default)).Select(p => p.OrderId).ToList();

        Assert.Contains(unnotified.OrderId, found);
        Assert.Contains(refunding.OrderId, found);
        Assert.DoesNotContain(settled.OrderId, found);
        Assert.DoesNotContain(tooFresh.OrderId, found);
    }

    [Fact]
    public async Task GetManyAsync_ReturnsTheKnownOnes()
    {
        var payments = await AddPaymentsAsync(3);

        var found = await Repository().GetManyAsync([payments[0].OrderId, payments[2].OrderId, Guid.NewGuid()], default);

        Assert.Equal([payments[0].OrderId, payments[2].OrderId], found.Select(p => p.OrderId).Order());
    }

    private async Task<List<Payment>> AddPaymentsAsync(int count)
    {
        var payments = new List<Payment>();
        for (var i = 0; i < count; i++)
        {
            var payment = PaymentFactory.Open();
            await Repository().TryAddAsync(payment, default);
            payments.Add(payment);
        }

        return payments;
    }

    private static void AssertSame(Payment expected, Payment actual)
    {
        Assert.Equal(expected.OrderId, actual.OrderId);
        Assert.Equal(expected.OrderCode, actual.OrderCode);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.Amount, actual.Amount);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Attempts, actual.Attempts);
        Assert.Equal(expected.Refunds, actual.Refunds);
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.ZpTransId, actual.ZpTransId);
        Assert.Equal(expected.PaidAt, actual.PaidAt);
        Assert.Equal(expected.NotifyPending, actual.NotifyPending);
        Assert.Equal(expected.RefundsPending, actual.RefundsPending);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Version, actual.Version);
    }
}
