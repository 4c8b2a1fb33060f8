using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shop.Orders.Ordering;

namespace Shop.Orders.Data.Postgres;

/// <summary>
/// Orders in PostgreSQL. Each call takes its own pooled context, so callers may run concurrently
/// (parallel resolvers).
/// </summary>
public sealed class PostgresOrderRepository(IDbContextFactory<OrdersDbContext> contexts) : IOrderRepository
{
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

    public async Task<bool> TryUpdateAsync(Order order, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = order.ToRecord();
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
        return updated == 1;
    }

    public async Task<IReadOnlyList<OrderStatusChange>> GetStatusChangesAsync(Guid orderId, int afterSequence, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Only the tail of the history leaves the server, numbered by each entry's place in it.
        await using var query = new NpgsqlCommand(
            """
            SELECT change.value::text
            FROM orders o, jsonb_array_elements(o.history) WITH ORDINALITY AS change(value, sequence)
            WHERE o.id = $1 AND change.sequence > $2
            ORDER BY change.sequence
            """,
            connection);
        query.Parameters.Add(new NpgsqlParameter { Value = orderId });
        query.Parameters.Add(new NpgsqlParameter { Value = (long)afterSequence });
        var entries = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(reader.GetString(0));
            }
        }

        return [.. entries.Select((entry, index) => OrderRecordMapping.ToStatusChange(entry, afterSequence + index + 1))];
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
