namespace Shop.Products.Data;

public sealed class ReservationLine
{
    public Guid OrderId { get; set; }

    public Guid ProductId { get; set; }

    public int Quantity { get; set; }

    /// <summary>For a line of a rejected reservation that was short: the units available at the time.</summary>
    public int? ShortAvailable { get; set; }
}
