using Shop.Products.Data;
using Shop.Domain;

namespace Shop.Products.Inventory;

public sealed record ReserveLine(Guid ProductId, int Quantity);

/// <summary>A product an order wanted more of than was available.</summary>
public sealed record Shortage(Guid ProductId, int Requested, int Available);

/// <summary>
/// Where an order's reservation stands after a call. A <see cref="ReservationState.Rejected"/>
/// outcome carries the refusal (and its shortages), the same on every repeat.
/// </summary>
public sealed record ReservationOutcome(Guid OrderId, ReservationState State, DomainError? Refusal = null, IReadOnlyList<Shortage>? Shortages = null)
{
    public IReadOnlyList<Shortage> Shortages { get; init; } = Shortages ?? [];
}

/// <summary>A product's stock after an admin set it, and the adjustment that records why.</summary>
public sealed record StockChange(StockLevel Stock, StockAdjustment Adjustment);
