using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shop.Orders.Events;
using Shop.Orders.Ordering;

namespace Shop.Orders.Storage.Postgres;

/// <summary>
/// Orders in PostgreSQL. A transition's notification is sent inside the transaction that stores it,
/// so every instance receives events exactly in commit order, and only for committed changes.
/// With an external backplane configured (Redis), events are published to it after the commit.
/// Each call takes its own pooled context, so callers may run concurrently (parallel resolvers).
/// </summary>
public sealed class PostgresOrderRepository(IDbContextFactory<OrdersDbContext> contexts, IOrderEventPublisher? externalPublisher = null) : IOrderRepository
{
    public const string NotificationChannel = "shop_order_events";

    public async Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken))?.ToOrder();
    }

    public async Task<Order?> GetByCodeAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, cancellationToken))?.ToOrder();
    }

    public async Task<IReadOnlyList<Order>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. (await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken)).Select(r => r.ToOrder())];
    }

    public async Task<Order?> GetByIdempotencyKeyAsync(Guid customerId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Orders.AsNoTracking()
            .FirstOrDefaultAsync(o => o.CustomerId == customerId && o.IdempotencyKey == idempotencyKey, cancellationToken))?.ToOrder();
    }

    public async Task<Order> AddAsync(Order order, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = order.ToRecord();
        db.Orders.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return order;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            if (unique.ConstraintName == OrdersDbContext.CodeIndex)
            {
                throw new OrderCodeTakenException();
            }

            return await GetByIdempotencyKeyAsync(order.CustomerId, order.IdempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException("An order under this idempotency key clashed and then vanished.", exception);
        }
    }

    public async Task<bool> TryUpdateAsync(Order order, long expectedVersion, OrderStatusChanged? published, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = order.ToRecord();
        var notifyHere = published is not null && externalPublisher is null;
        await using var transaction = notifyHere ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        var updated = await db.Orders
            .Where(o => o.Id == record.Id && o.Version == expectedVersion)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(o => o.Status, record.Status)
                    .SetProperty(o => o.History, record.History)
                    .SetProperty(o => o.CancelReason, record.CancelReason)
                    .SetProperty(o => o.CancelRequestedAt, record.CancelRequestedAt)
                    .SetProperty(o => o.HandedOff, record.HandedOff)
                    .SetProperty(o => o.UpdatedAt, record.UpdatedAt)
                    .SetProperty(o => o.Version, record.Version),
                cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        if (transaction is not null)
        {
            var payload = JsonSerializer.Serialize(published, OrderEventJson.Options);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({NotificationChannel}, {payload})", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else if (published is not null)
        {
            await externalPublisher!.PublishAsync(published, cancellationToken);
        }

        return true;
    }

    public async Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = db.Orders.AsNoTracking();
        if (query.CustomerId is { } customerId)
        {
            matching = matching.Where(o => o.CustomerId == customerId);
        }

        if (query.Status is { } status)
        {
            matching = matching.Where(o => o.Status == status);
        }

        var page = matching;
        if (query.After is { } after)
        {
            page = page.Where(o => o.CreatedAt < after.CreatedAt || (o.CreatedAt == after.CreatedAt && o.Id.CompareTo(after.Id) < 0));
        }

        var rows = await page.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(query.First + 1).ToListAsync(cancellationToken);
        var total = await matching.CountAsync(cancellationToken);
        return new OrderPage([.. rows.Select(r => r.ToOrder())], total);
    }

    public async Task<IReadOnlyDictionary<Guid, OrderPage>> ListForCustomersAsync(
        IReadOnlyCollection<Guid> customerIds, int first, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = customerIds.ToArray();
        // Two commands whatever the number of customers: each one's newest first + 1 orders, and the counts.
        var rows = await db.Orders.FromSql($"""
            SELECT ranked.*
            FROM (SELECT o.*, row_number() OVER (PARTITION BY o.customer_id ORDER BY o.created_at DESC, o.id DESC) AS rank
                  FROM orders o
                  WHERE o.customer_id = ANY({ids})) ranked
            WHERE ranked.rank <= {first + 1}
            ORDER BY ranked.customer_id, ranked.rank
            """).AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.Orders.Where(o => ids.Contains(o.CustomerId))
            .GroupBy(o => o.CustomerId)
            .Select(g => new { CustomerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.CustomerId, c => c.Count, cancellationToken);

        // The lookup keeps the rows in the database's order (uuid order breaks ties, as cursors do).
        var byCustomer = rows.ToLookup(r => r.CustomerId);
        return ids.Distinct().ToDictionary(
            id => id,
            id => new OrderPage(
                [.. byCustomer[id].Select(r => r.ToOrder())],
                counts.GetValueOrDefault(id)));
    }

    public async Task<IReadOnlyList<Order>> GetNotHandedOffAsync(int max, DateTimeOffset placedBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. (await db.Orders.AsNoTracking()
            .Where(o => !o.HandedOff && o.CreatedAt < placedBefore)
            .OrderBy(o => o.CreatedAt)
            .Take(max)
            .ToListAsync(cancellationToken)).Select(r => r.ToOrder())];
    }
}
