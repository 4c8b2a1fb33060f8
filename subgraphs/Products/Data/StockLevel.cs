namespace Shop.Products.Data;

/// <summary>
/// Units of one product: <see cref="Total"/> on hand, <see cref="Reserved"/> of them held for orders.
/// Its own table, so stock updates neither lock nor rewrite the catalog row.
/// </summary>
public sealed class StockLevel
{
    public Guid ProductId { get; set; }

    public int Total { get; set; }

    public int Reserved { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Available => Total - Reserved;
}
