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

public sealed record ProductPage(IReadOnlyList<Data.Product> Rows, int TotalCount);
