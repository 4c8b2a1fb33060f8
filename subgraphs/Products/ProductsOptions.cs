namespace Shop.Products;

/// <summary>The <c>Shop:Products</c> section.</summary>
public sealed class ProductsOptions
{
    public const string SectionName = "Shop:Products";

    /// <summary>Loads the demo catalog at start-up when the catalog is empty; on in Development (./shop up).</summary>
    public bool SeedDemoCatalog { get; set; }
}
