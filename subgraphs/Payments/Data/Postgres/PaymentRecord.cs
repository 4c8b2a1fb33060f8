using Shop.Payments.Paying;

namespace Shop.Payments.Data.Postgres;

/// <summary>A payment's row: attempts, refunds and history are JSONB documents, as in the MongoDB adapter.</summary>
public sealed class PaymentRecord
{
    public Guid OrderId { get; set; }

    public required string OrderCode { get; set; }

    public Guid CustomerId { get; set; }

    public decimal Amount { get; set; }

    public required string Description { get; set; }

    public PaymentStatus Status { get; set; }

    public required string Attempts { get; set; }

    public required string Refunds { get; set; }

    public required string History { get; set; }

    public string? ZpTransId { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public bool NotifyPending { get; set; }

    /// <summary>Kept beside the refunds so the janitor finds unfinished ones by index.</summary>
    public bool RefundsPending { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
