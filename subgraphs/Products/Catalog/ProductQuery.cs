namespace Shop.Products.Catalog;

public enum ProductSortField
{
    Name,
    Price,
    CreatedAt,
}

public sealed record ProductSort(ProductSortField Field, bool Descending);

/// <summary>The <c>where</c> of a product list; every part optional, all parts must hold.</summary>
public sealed record ProductFilter(
    string? Search = null,
    Guid? CategoryId = null,
    decimal? MinPrice = null,
    decimal? MaxPrice = null,
    bool? InStock = null,
    bool? Active = null);

/// <summary>
/// Where a page ends: the sort key values of its last product, and the id that breaks ties.
/// <see cref="Order"/> names the sort it was issued for, so it is not used with another.
/// </summary>
public sealed record ProductCursor(string Order, string? Name, decimal? Price, DateTimeOffset? CreatedAt, Guid Id);

/// <summary>A page of products; <see cref="TotalCount"/> is null when the list was not asked to count.</summary>
public sealed record ProductPage(IReadOnlyList<Data.Product> Rows, int? TotalCount);

/// <summary>
/// What a list's caller will read besides the products' own columns: the count of all matches,
/// and each product's stock (a join). Leaving either out saves its work in the query.
/// </summary>
public sealed record ProductListShape(bool CountTotal, bool WithStock)
{
    public static readonly ProductListShape Everything = new(CountTotal: true, WithStock: true);
}
