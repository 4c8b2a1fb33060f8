namespace Shop.Products.Data;

/// <summary>A picture of a product, by URL; a product with images has exactly one primary image.</summary>
public sealed class ProductImage
{
    public Guid Id { get; set; }

    public Guid ProductId { get; set; }

    public required string Url { get; set; }

    public string AltText { get; set; } = string.Empty;

    /// <summary>Display order, from 0.</summary>
    public int Position { get; set; }

    public bool IsPrimary { get; set; }
}
