using Microsoft.EntityFrameworkCore;
using Shop.GraphQL.DataLoader;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.DataLoaders;

/// <summary>Products with their stock, archived ones included; callers apply visibility.</summary>
public sealed class ProductByIdDataLoader(ProductsDbContext db) : BatchDataLoader<Guid, Product>
{
    protected override async Task<IReadOnlyDictionary<Guid, Product>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
        => await db.Products.AsNoTracking().Include(p => p.Stock)
            .Where(p => keys.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
}
