namespace Shop.Orders.Ordering;

/// <summary>A line as placed: the product's name and unit price are snapshots taken at placement.</summary>
public sealed record OrderLine(Guid ProductId, string ProductName, decimal UnitPrice, int Quantity)
{
    public decimal LineTotal => UnitPrice * Quantity;
}
