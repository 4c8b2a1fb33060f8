using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.Products.Inventory;
using Shop.ServiceDefaults.Postgres;

namespace Shop.Products.Seeding;

/// <summary>
/// Loads <see cref="DemoCatalog"/> through the same domain classes as the admin mutations, once,
/// when <c>Shop:Products:SeedDemoCatalog</c> is on and the catalog is empty, right after the migrations.
/// </summary>
internal sealed class DemoCatalogSeeder(
    CategoryCatalog categories,
    ProductCatalog catalog,
    InventoryLedger inventory,
    IOptions<ProductsOptions> options,
    ILogger<DemoCatalogSeeder> logger) : IDbSeeder<ProductsDbContext>
{
    private const string Reason = "Opening stock (demo catalog)";

    public async Task SeedAsync(ProductsDbContext db, CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoCatalog)
        {
            return;
        }

        if (await db.Products.AnyAsync(cancellationToken) || await db.Categories.AnyAsync(cancellationToken))
        {
            return;
        }

        var slugs = new Dictionary<string, Guid>();
        foreach (var (slug, name) in DemoCatalog.Categories)
        {
            slugs[slug] = (await categories.CreateCategoryAsync(slug, name, cancellationToken)).Id;
        }

        foreach (var (item, index) in DemoCatalog.Products.Select((item, index) => (item, index)))
        {
            // Every third product gets a second picture, to show more than one.
            ImageDraft[] images = index % 3 == 0
                ? [new(item.ImageUrl(1), item.Name, Primary: true), new(item.ImageUrl(2), $"{item.Name}, detail", Primary: false)]
                : [new(item.ImageUrl(1), item.Name, Primary: true)];
            var product = await catalog.CreateProductAsync(
                new NewProduct(item.Sku, item.Name, item.Description, item.Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [.. item.Categories.Split(' ').Select(slug => slugs[slug])], images),
                cancellationToken);
            await inventory.SetStockAsync(product.Id, item.Stock, Reason, actorId: null, cancellationToken);
        }

        logger.LogInformation("Loaded the demo catalog: {Categories} categories, {Products} products", DemoCatalog.Categories.Count, DemoCatalog.Products.Count);
    }
}
