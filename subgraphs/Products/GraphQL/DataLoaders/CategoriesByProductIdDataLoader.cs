using Microsoft.EntityFrameworkCore;
using Shop.GraphQL.DataLoader;
using Shop.Products.Data;

namespace Shop.Products.GraphQL.DataLoaders;

/// <summary>The categories of many products in one query, each product's by name.</summary>
public sealed class CategoriesByProductIdDataLoader(ProductsDbContext db) : GroupedDataLoader<Guid, Category>
{
    // Compiled once: every page's batch skips EF Core's expression walk and query cache lookup.
    private static readonly Func<ProductsDbContext, Guid[], IAsyncEnumerable<ProductCategoryRow>> Query = EF.CompileAsyncQuery<ProductsDbContext, Guid[], ProductCategoryRow>(
        (ProductsDbContext db, Guid[] keys) => db.ProductCategories.AsNoTracking()
            .Where(link => keys.Contains(link.ProductId))
            .OrderBy(link => link.Category.Name).ThenBy(link => link.CategoryId)
            .Select(link => new ProductCategoryRow(link.ProductId, link.Category)));

    protected override async Task<ILookup<Guid, Category>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var links = await Query(db, [.. keys]).ToListAsync(cancellationToken);
        return links.ToLookup(link => link.ProductId, link => link.Category);
    }
}
