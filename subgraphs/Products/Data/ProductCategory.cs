namespace Shop.Products.Data;

/// <summary>The many-to-many link between products and categories.</summary>
public sealed class ProductCategory
{
    public Guid ProductId { get; set; }

    public Guid CategoryId { get; set; }

    public Category Category { get; set; } = null!;
}
