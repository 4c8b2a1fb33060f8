using Npgsql;
using Shop.Products.Data;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Products.Inventory;

public sealed partial class InventoryLedger
{
    private async Task<ReservationOutcome> SettleAsync(Guid orderId, ReservationState target, string settleSql, CancellationToken cancellationToken)
    {
        if (orderId == Guid.Empty)
        {
            throw new DomainException(new DomainError(IdErrors.Invalid, "The order id is missing.", "order_id"));
        }

        var now = clock.Now();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Locks the reservation first: a concurrent Commit or Release of the same order waits here.
        await using var lockReservation = Command(connection, transaction, Sql.LockReservation, orderId);
        var stored = await lockReservation.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new DomainException(new DomainError(IdErrors.NotFound, $"Order {orderId} has no reservation.", "order_id"));
        var state = StoredReservationState.Parse(stored);
        if (state == target)
        {
            return new ReservationOutcome(orderId, state);
        }

        if (state != ReservationState.Held)
        {
            var (code, verb) = state switch
            {
                ReservationState.Committed => (InventoryErrors.ReservationCommitted, "was committed"),
                ReservationState.Released => (InventoryErrors.ReservationReleased, "was released"),
                _ => (InventoryErrors.ReservationRejected, "was refused"),
            };
            throw new DomainException(new DomainError(code, $"The reservation of order {orderId} {verb}; only a held reservation can be settled.", "order_id"));
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand(Sql.LockLines, orderId));
        batch.BatchCommands.Add(BatchCommand(settleSql, orderId, now));
        batch.BatchCommands.Add(BatchCommand(Sql.SetState, orderId, target.ToDb(), now));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReservationOutcome(orderId, target);
    }

    /// <summary>The first outcome of a Reserve for this order, if the repeat asks for the same lines.</summary>
    private static async Task<ReservationOutcome> RepeatAsync(
        NpgsqlConnection connection, Guid orderId, IReadOnlyList<ReserveLine> lines, CancellationToken cancellationToken)
    {
        await using var read = Command(connection, null, Sql.ReadReservation, orderId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        string? state = null, code = null, message = null;
        var stored = new Dictionary<Guid, int>();
        var shortages = new List<Shortage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            state = reader.GetString(0);
            code = reader.IsDBNull(1) ? null : reader.GetString(1);
            message = reader.IsDBNull(2) ? null : reader.GetString(2);
            var (productId, quantity) = (reader.GetGuid(3), reader.GetInt32(4));
            stored[productId] = quantity;
            if (!reader.IsDBNull(5))
            {
                shortages.Add(new Shortage(productId, quantity, reader.GetInt32(5)));
            }
        }

        if (state is null)
        {
            throw new InvalidOperationException($"The reservation of order {orderId} vanished while it was repeated.");
        }

        if (stored.Count != lines.Count || lines.Any(line => stored.GetValueOrDefault(line.ProductId) != line.Quantity))
        {
            throw new DomainException(new DomainError(
                InventoryErrors.ReservationConflict, $"Order {orderId} already reserved different lines; an order id reserves once.", "order_id"));
        }

        var outcome = StoredReservationState.Parse(state);
        return outcome == ReservationState.Rejected
            ? new ReservationOutcome(orderId, outcome, new DomainError(code!, message!, "lines"), shortages)
            : new ReservationOutcome(orderId, outcome);
    }

    private static async Task<Dictionary<Guid, LockedStock>> LockStockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ReserveLine> lines, CancellationToken cancellationToken)
    {
        await using var lockRows = Command(connection, transaction, Sql.LockMany, lines.Select(line => line.ProductId).ToArray());
        await using var reader = await lockRows.ExecuteReaderAsync(cancellationToken);
        var stock = new Dictionary<Guid, LockedStock>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stock[reader.GetGuid(0)] = new LockedStock(reader.GetInt32(1), reader.GetInt32(2), reader.GetBoolean(3));
        }

        return stock;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private sealed record LockedStock(int Total, int Reserved, bool Active)
    {
        public int Available => Total - Reserved;
    }
}
