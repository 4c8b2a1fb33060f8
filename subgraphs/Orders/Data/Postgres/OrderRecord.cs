using Shop.Orders.Ordering;

namespace Shop.Orders.Data.Postgres;

/// <summary>An order's row: lines and history are JSONB documents, as in the MongoDB adapter.</summary>
public sealed class OrderRecord
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public Guid CustomerId { get; set; }

    public required string IdempotencyKey { get; set; }

    public OrderStatus Status { get; set; }

    /// <summary>Kept beside the lines for reporting and sorting; always their sum.</summary>
    public decimal Total { get; set; }

    public required string Lines { get; set; }

    public required string History { get; set; }

    public string? CancelReason { get; set; }

    public DateTimeOffset? CancelRequestedAt { get; set; }

    public bool HandedOff { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
