using Shop.Products.Data;

namespace Shop.Products.Tests;

/// <summary>
/// A small catalog with ties on purpose: three "Coffee Beans" at one price, two teas whose names
/// differ only in case, two chips at one price, one archived product, some without stock.
/// </summary>
public sealed class CatalogFixture : ProductsHost
{
    /// <summary>The distinct names in the order the ICU root collation sorts them.</summary>
    public static readonly string[] NamesInOrder = ["Áo mưa", "Archived Biscuits", "Banana Chips", "Cashew Nuts", "Cassava Chips", "Coffee Beans", "green tea", "Green Tea"];

    public Dictionary<string, Product> Products { get; } = [];

    public Dictionary<string, int> StockOf { get; } = [];

    public Category Drinks { get; private set; } = null!;

    public Category Snacks { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        Snacks = await CreateCategoryAsync("snacks", "Snacks");
        Drinks = await CreateCategoryAsync("drinks", "Drinks");
        (string Sku, string Name, decimal Price, int Stock, bool Active, Category[] Categories)[] rows =
        [
            ("TEA-1", "Green Tea", 50_000, 10, true, [Drinks]),
            ("TEA-2", "green tea", 50_000, 0, true, [Drinks]),
            ("COF-1", "Coffee Beans", 150_000, 5, true, [Drinks]),
            ("COF-2", "Coffee Beans", 150_000, 5, true, [Drinks]),
            ("COF-3", "Coffee Beans", 150_000, 0, true, [Drinks]),
            ("CHIP-1", "Banana Chips", 30_000, 100, true, [Snacks]),
            ("CHIP-2", "Cassava Chips", 30_000, 0, true, [Snacks]),
            ("NUT-1", "Cashew Nuts", 200_000, 7, true, [Snacks, Drinks]),
            ("OLD-1", "Archived Biscuits", 40_000, 3, false, [Snacks]),
            ("AO-1", "Áo mưa", 90_000, 2, true, []),
        ];
        foreach (var row in rows)
        {
            StockOf[row.Sku] = row.Stock;
            Products[row.Sku] = await CreateProductAsync(row.Sku, row.Name, row.Price, row.Stock, row.Active, [.. row.Categories.Select(c => c.Id)]);
        }
    }

    public IEnumerable<Product> Active => Products.Values.Where(p => p.Active);

    /// <summary>Ties broken the way PostgreSQL orders uuids: by their canonical text.</summary>
    public static string IdKey(Product product) => product.Id.ToString();

    public static int NameRank(Product product) => Array.IndexOf(NamesInOrder, product.Name);
}
