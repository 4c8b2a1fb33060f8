namespace Shop.Products.Data;

/// <summary>Something the shop sells. Never deleted: archiving (<see cref="Active"/> false) takes it off sale.</summary>
public sealed class Product
{
    public Guid Id { get; set; }

    /// <summary>Stock-keeping unit, unique, upper case.</summary>
    public required string Sku { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>Price of one unit in whole VND.</summary>
    public decimal Price { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public StockLevel Stock { get; set; } = null!;

    public List<ProductImage> Images { get; set; } = [];

    public List<ProductCategory> CategoryLinks { get; set; } = [];
}
