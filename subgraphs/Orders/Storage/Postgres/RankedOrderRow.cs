using Shop.Orders.Ordering;

namespace Shop.Orders.Storage.Postgres;

/// <summary>An order row with its rank and count within its customer's orders (window query).</summary>
internal sealed class RankedOrderRow
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public Guid CustomerId { get; set; }

    public required string IdempotencyKey { get; set; }

    public required string Status { get; set; }

    public decimal Total { get; set; }

    public required string Lines { get; set; }

    public required string History { get; set; }

    public string? CancelReason { get; set; }

    public DateTimeOffset? CancelRequestedAt { get; set; }

    public bool HandedOff { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public long Rank { get; set; }

    public long TotalCount { get; set; }

    public OrderRecord ToRecord() => new()
    {
        Id = Id,
        Code = Code,
        CustomerId = CustomerId,
        IdempotencyKey = IdempotencyKey,
        Status = Enum.Parse<OrderStatus>(Status),
        Total = Total,
        Lines = Lines,
        History = History,
        CancelReason = CancelReason,
        CancelRequestedAt = CancelRequestedAt,
        HandedOff = HandedOff,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        Version = Version,
    };
}
