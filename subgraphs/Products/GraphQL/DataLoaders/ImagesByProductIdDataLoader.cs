using Microsoft.EntityFrameworkCore;
using Shop.GraphQL.DataLoader;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.DataLoaders;

/// <summary>The images of many products in one query, each product's in display order.</summary>
public sealed class ImagesByProductIdDataLoader(ProductsDbContext db) : GroupedDataLoader<Guid, ProductImage>
{
    // Compiled once: every page's batch skips EF Core's expression walk and query cache lookup.
    private static readonly Func<ProductsDbContext, Guid[], IAsyncEnumerable<ProductImage>> Query = EF.CompileAsyncQuery<ProductsDbContext, Guid[], ProductImage>(
        (ProductsDbContext db, Guid[] keys) => db.ProductImages.AsNoTracking()
            .Where(image => keys.Contains(image.ProductId))
            .OrderBy(image => image.ProductId).ThenBy(image => image.Position));

    protected override async Task<ILookup<Guid, ProductImage>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var images = await Query(db, [.. keys]).ToListAsync(cancellationToken);
        return images.ToLookup(image => image.ProductId);
    }
}
