namespace Shop.Products.Data;

/// <summary>A manual change of a product's total stock, with the reason given and who gave it.</summary>
public sealed class StockAdjustment
{
    public Guid Id { get; set; }

    public Guid ProductId { get; set; }

    public int PreviousTotal { get; set; }

    public int NewTotal { get; set; }

    public required string Reason { get; set; }

    /// <summary>The admin who set it; null when the system did (the demo catalog).</summary>
    public Guid? ActorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
