using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shop.Payments.Paying;

namespace Shop.Payments.Data.Postgres;

/// <summary>
/// Payments in PostgreSQL, one row each; updates are optimistic on the version column. Each call
/// takes its own pooled context, so callers may run concurrently (parallel resolvers).
/// </summary>
public sealed class PostgresPaymentRepository(IDbContextFactory<PaymentsDbContext> contexts) : IPaymentRepository
{
    public async Task<Payment?> GetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == orderId, cancellationToken))?.ToPayment();
    }

    public async Task<IReadOnlyList<Payment>> GetManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. (await db.Payments.AsNoTracking().Where(p => orderIds.Contains(p.OrderId)).ToListAsync(cancellationToken)).Select(r => r.ToPayment())];
    }

    public async Task<Payment?> GetByAppTransIdAsync(string appTransId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var containing = PaymentRecordMapping.AttemptContaining(appTransId);
        var record = await db.Payments.AsNoTracking()
            .FirstOrDefaultAsync(p => EF.Functions.JsonContains(p.Attempts, containing), cancellationToken);
        return record?.ToPayment();
    }

    public async Task<bool> TryAddAsync(Payment payment, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = payment.ToRecord();
        db.Payments.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    public async Task<bool> TryUpdateAsync(Payment payment, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = payment.ToRecord();
        var updated = await db.Payments
            .Where(p => p.OrderId == record.OrderId && p.Version == expectedVersion)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(p => p.Status, record.Status)
                    .SetProperty(p => p.Attempts, record.Attempts)
                    .SetProperty(p => p.Refunds, record.Refunds)
                    .SetProperty(p => p.History, record.History)
                    .SetProperty(p => p.ZpTransId, record.ZpTransId)
                    .SetProperty(p => p.PaidAt, record.PaidAt)
                    .SetProperty(p => p.NotifyPending, record.NotifyPending)
                    .SetProperty(p => p.RefundsPending, record.RefundsPending)
                    .SetProperty(p => p.UpdatedAt, record.UpdatedAt)
                    .SetProperty(p => p.Version, record.Version),
                cancellationToken);
        return updated == 1;
    }

    public async Task<PaymentPage> ListAsync(PaymentQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = db.Payments.AsNoTracking();
        if (query.Status is { } status)
        {
            matching = matching.Where(p => p.Status == status);
        }

        var page = matching;
        if (query.After is { } after)
        {
            page = page.Where(p => p.CreatedAt < after.CreatedAt || (p.CreatedAt == after.CreatedAt && p.OrderId.CompareTo(after.OrderId) < 0));
        }

        var rows = await page.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.OrderId).Take(query.First + 1).ToListAsync(cancellationToken);
        var total = await matching.CountAsync(cancellationToken);
        return new PaymentPage([.. rows.Select(r => r.ToPayment())], total);
    }

    public async Task<IReadOnlyList<Payment>> GetUnsettledAsync(int max, DateTimeOffset changedBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Two lists, so payments stuck waiting for a workflow never starve refunds (or the reverse).
        var notify = await db.Payments.AsNoTracking()
            .Where(p => p.NotifyPending && p.UpdatedAt < changedBefore).OrderBy(p => p.UpdatedAt).Take(max).ToListAsync(cancellationToken);
        var refunds = await db.Payments.AsNoTracking()
            .Where(p => p.RefundsPending && p.UpdatedAt < changedBefore).OrderBy(p => p.UpdatedAt).Take(max).ToListAsync(cancellationToken);
        return [.. notify.Concat(refunds).DistinctBy(r => r.OrderId).Select(r => r.ToPayment())];
    }
}
