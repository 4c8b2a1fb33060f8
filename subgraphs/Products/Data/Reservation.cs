namespace Shop.Products.Data;

/// <summary>
/// Stock held for one order, keyed by the order id so every call about the order is idempotent.
/// A refused reservation is kept too (<see cref="ReservationState.Rejected"/>), so a repeat is
/// refused the same way.
/// </summary>
public sealed class Reservation
{
    public Guid OrderId { get; set; }

    public ReservationState State { get; set; }

    /// <summary>The refusal's error code, for a rejected reservation.</summary>
    public string? RefusalCode { get; set; }

    public string? RefusalMessage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ReservationLine> Lines { get; set; } = [];
}
