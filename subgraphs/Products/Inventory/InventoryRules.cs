using Shop.Domain;

namespace Shop.Products.Inventory;

/// <summary>What a valid reservation request and stock count look like.</summary>
public static class InventoryRules
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 1_000_000;
    public const int MaxTotal = 1_000_000_000;
    public const int MaxReasonLength = 500;

    /// <summary>
    /// The order's lines with repeated products merged, in product id order; a bad order id, an
    /// empty or oversized order, or a quantity that is not positive is refused.
    /// </summary>
    public static IReadOnlyList<ReserveLine> Merge(Guid orderId, IReadOnlyList<ReserveLine> lines)
    {
        var errors = new List<DomainError>();
        if (orderId == Guid.Empty)
        {
            errors.Add(new DomainError(IdErrors.Invalid, "The order id is missing.", "order_id"));
        }

        if (lines.Count is 0 or > MaxLines)
        {
            errors.Add(new DomainError(InventoryErrors.InvalidLines, $"A reservation has 1 to {MaxLines} lines.", "lines"));
        }

        foreach (var line in lines)
        {
            if (line.ProductId == Guid.Empty)
            {
                errors.Add(new DomainError(IdErrors.Invalid, "A line's product id is missing.", "lines.product_id"));
            }

            if (line.Quantity is <= 0 or > MaxQuantity)
            {
                errors.Add(new DomainError(InventoryErrors.InvalidQuantity, $"A quantity is 1 to {MaxQuantity}; product {line.ProductId} has {line.Quantity}.", "lines.quantity"));
            }
        }

        var merged = errors.Count > 0
            ? []
            : lines.GroupBy(line => line.ProductId)
                .Select(group => new ReserveLine(group.Key, (int)Math.Min(group.Sum(line => (long)line.Quantity), MaxQuantity + 1L)))
                .OrderBy(line => line.ProductId)
                .ToList();
        foreach (var line in merged.Where(line => line.Quantity > MaxQuantity))
        {
            errors.Add(new DomainError(InventoryErrors.InvalidQuantity, $"At most {MaxQuantity} units of product {line.ProductId} in one order.", "lines.quantity"));
        }

        return errors.Count > 0 ? throw new DomainException(errors) : merged;
    }

    public static (int Total, string Reason) StockCount(int total, string? reason)
    {
        var errors = new List<DomainError>();
        if (total is < 0 or > MaxTotal)
        {
            errors.Add(new DomainError(InventoryErrors.InvalidQuantity, $"A stock total is 0 to {MaxTotal}.", "total"));
        }

        var trimmed = TextInput.Required(reason, "reason", MaxReasonLength, InventoryErrors.InvalidReason, errors, multiline: true);
        return errors.Count > 0 ? throw new DomainException(errors) : (total, trimmed!);
    }
}
