using Npgsql;
using Shop.Products.Data;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Products.Inventory;

/// <summary>
/// Stock arithmetic, the one place it happens. Each operation is one READ COMMITTED transaction
/// that locks the stock rows it changes in product id order (so two orders never deadlock), checks
/// under the lock, then changes them; the database's CHECK constraints reject anything that would
/// still leave stock negative or over-reserved. A reservation's row, keyed by order id, makes every
/// call idempotent: a concurrent repeat waits on the first one's insert and then reads its outcome.
/// </summary>
public sealed partial class InventoryLedger(NpgsqlDataSource database, TimeProvider clock)
{
    /// <summary>Holds stock for all of an order's lines, or for none of them.</summary>
    public async Task<ReservationOutcome> ReserveAsync(Guid orderId, IReadOnlyList<ReserveLine> lines, CancellationToken cancellationToken)
    {
        var merged = InventoryRules.Merge(orderId, lines);
        var now = clock.Now();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var claim = Command(connection, transaction, Sql.Claim, orderId, StoredReservationState.Held, now);
        if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RepeatAsync(connection, orderId, merged, cancellationToken);
        }

        var stock = await LockStockAsync(connection, transaction, merged, cancellationToken);
        var missing = merged.Where(line => !stock.ContainsKey(line.ProductId)).Select(line => line.ProductId).ToList();
        if (missing.Count > 0)
        {
            // A caller's mistake, not a business refusal: nothing is remembered.
            await transaction.RollbackAsync(cancellationToken);
            throw new DomainException(new DomainError(IdErrors.NotFound, $"There is no product {string.Join(", ", missing)}.", "lines.product_id"));
        }

        var refusal = Refuse(merged, stock, out var shortages);
        var ids = merged.Select(line => line.ProductId).ToArray();
        var quantities = merged.Select(line => line.Quantity).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (refusal is null)
        {
            batch.BatchCommands.Add(BatchCommand(Sql.Hold, ids, quantities, now));
            batch.BatchCommands.Add(BatchCommand(Sql.InsertLines, orderId, ids, quantities, ids.Select(_ => (int?)null).ToArray()));
        }
        else
        {
            var shortByProduct = shortages.ToDictionary(shortage => shortage.ProductId, shortage => (int?)shortage.Available);
            batch.BatchCommands.Add(BatchCommand(Sql.Reject, orderId, StoredReservationState.Rejected, refusal.Code, refusal.Message, now));
            batch.BatchCommands.Add(BatchCommand(Sql.InsertLines, orderId, ids, quantities, ids.Select(id => shortByProduct.GetValueOrDefault(id)).ToArray()));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return refusal is null
            ? new ReservationOutcome(orderId, ReservationState.Held)
            : new ReservationOutcome(orderId, ReservationState.Rejected, refusal, shortages);
    }

    /// <summary>Turns a held reservation into a sale: its units leave both the total and the reserved count.</summary>
    public Task<ReservationOutcome> CommitAsync(Guid orderId, CancellationToken cancellationToken)
        => SettleAsync(orderId, ReservationState.Committed, Sql.Commit, cancellationToken);

    /// <summary>Returns a held reservation's units to the shelf.</summary>
    public Task<ReservationOutcome> ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
        => SettleAsync(orderId, ReservationState.Released, Sql.Release, cancellationToken);

    /// <summary>Sets a product's total on hand, recording why; never below what orders hold.</summary>
    public async Task<StockChange> SetStockAsync(Guid productId, int total, string? reason, Guid? actorId, CancellationToken cancellationToken)
    {
        var (newTotal, why) = InventoryRules.StockCount(total, reason);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var lockRow = Command(connection, transaction, Sql.LockOne, productId);
        await using var reader = await lockRow.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new DomainException(ProductNotFound(productId));
        }

        var (previousTotal, reserved) = (reader.GetInt32(0), reader.GetInt32(1));
        await reader.DisposeAsync();
        // Read under the row lock, so adjustments of one product are stamped in the order they apply.
        var now = clock.Now();
        if (newTotal < reserved)
        {
            throw new DomainException(new DomainError(
                InventoryErrors.StockBelowReserved, $"{reserved} units are held for orders; the total cannot go below that.", "total"));
        }

        var adjustment = new StockAdjustment
        {
            Id = Guid.CreateVersion7(),
            ProductId = productId,
            PreviousTotal = previousTotal,
            NewTotal = newTotal,
            Reason = why,
            ActorId = actorId,
            CreatedAt = now,
        };
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand(Sql.SetTotal, productId, newTotal, now));
        batch.BatchCommands.Add(BatchCommand(Sql.InsertAdjustment, adjustment.Id, productId, previousTotal, newTotal, why, (object?)actorId ?? DBNull.Value, now));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StockChange(new StockLevel { ProductId = productId, Total = newTotal, Reserved = reserved, UpdatedAt = now }, adjustment);
    }

    private static DomainError ProductNotFound(Guid productId) => new(IdErrors.NotFound, $"There is no product {productId}.", "productId");

    /// <summary>The refusal for an order the locked stock cannot serve, or null when it can.</summary>
    private static DomainError? Refuse(IReadOnlyList<ReserveLine> lines, Dictionary<Guid, LockedStock> stock, out IReadOnlyList<Shortage> shortages)
    {
        var archived = lines.Where(line => !stock[line.ProductId].Active).Select(line => line.ProductId).ToList();
        shortages = [.. lines
            .Where(line => stock[line.ProductId].Active && stock[line.ProductId].Available < line.Quantity)
            .Select(line => new Shortage(line.ProductId, line.Quantity, Math.Max(0, stock[line.ProductId].Available)))];
        if (archived.Count > 0)
        {
            return new DomainError(InventoryErrors.ProductArchived, $"No longer sold: product {string.Join(", ", archived)}.", "lines.product_id");
        }

        if (shortages.Count > 0)
        {
            var detail = string.Join("; ", shortages.Select(s => $"product {s.ProductId}: {s.Requested} wanted, {s.Available} available"));
            return new DomainError(InventoryErrors.InsufficientStock, $"Not enough stock: {detail}.", "lines.quantity");
        }

        return null;
    }
}
