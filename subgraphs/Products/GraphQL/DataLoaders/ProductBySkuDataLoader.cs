using Microsoft.EntityFrameworkCore;
using Shop.GraphQL.DataLoader;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.DataLoaders;

/// <summary>Products by their (upper-case) SKU, with their stock; callers apply visibility.</summary>
public sealed class ProductBySkuDataLoader(ProductsDbContext db) : BatchDataLoader<string, Product>
{
    protected override async Task<IReadOnlyDictionary<string, Product>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        => await db.Products.AsNoTracking().Include(p => p.Stock)
            .Where(p => keys.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, StringComparer.Ordinal, cancellationToken);
}
