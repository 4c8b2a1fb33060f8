using Microsoft.EntityFrameworkCore;
using Shop.GraphQL.DataLoader;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.DataLoaders;

public sealed class CategoryByIdDataLoader(ProductsDbContext db) : BatchDataLoader<Guid, Category>
{
    protected override async Task<IReadOnlyDictionary<Guid, Category>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
        => await db.Categories.AsNoTracking()
            .Where(c => keys.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
}
