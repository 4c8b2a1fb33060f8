using Microsoft.EntityFrameworkCore;
using Shop.Products.Data;
using Shop.Domain;

namespace Shop.Products.Catalog;

/// <summary>
/// Filtered, sorted product lists with keyset pagination: a page is the first rows after the
/// cursor's sort key in (sort keys..., id) order, so it stays stable when sort keys tie and when
/// products are added while a client pages.
/// </summary>
public sealed class ProductListing(ProductsDbContext db)
{
    public const int MaxSearchLength = 100;
    public const int MaxSortKeys = 3;

    public static readonly IReadOnlyList<ProductSort> DefaultOrder = [new(ProductSortField.Name, Descending: false)];

    /// <summary>
    /// Up to <paramref name="first"/> + 1 products after <paramref name="after"/>, and, when
    /// <paramref name="shape"/> asks for it, the count of all that match. One round trip: the count
    /// rides along as an uncorrelated subquery, which PostgreSQL runs once per statement; only a
    /// page that comes back empty after a cursor needs a second statement to count.
    /// </summary>
    public async Task<ProductPage> ListAsync(
        ProductFilter filter, IReadOnlyList<ProductSort> order, int first, ProductCursor? after, bool seesArchived,
        ProductListShape shape, CancellationToken cancellationToken)
    {
        Check(filter, order, after);
        var matching = Filter(db.Products.AsNoTracking(), filter, seesArchived);
        var page = after is null ? matching : matching.Where(ProductKeyset.After(order, after));
        var sorted = ProductKeyset.Sort(shape.WithStock ? page.Include(p => p.Stock) : page, order).Take(first + 1);
        if (!shape.CountTotal)
        {
            return new ProductPage(await sorted.ToListAsync(cancellationToken), null);
        }

        var rows = await sorted.Select(p => new { Product = p, Total = matching.Count() }).ToListAsync(cancellationToken);
        var totalCount = rows.Count > 0 ? rows[0].Total
            : after is null ? 0
            : await matching.CountAsync(cancellationToken);
        return new ProductPage([.. rows.Select(row => row.Product)], totalCount);
    }

    /// <summary>
    /// The cursor of each product in a list sorted by <paramref name="order"/>: the sort's signature
    /// and fields are worked out once for the page rather than once per product.
    /// </summary>
    public static Func<Product, ProductCursor> CursorsFor(IReadOnlyList<ProductSort> order)
    {
        var signature = Signature(order);
        bool name = false, price = false, createdAt = false;
        foreach (var sort in order)
        {
            name |= sort.Field == ProductSortField.Name;
            price |= sort.Field == ProductSortField.Price;
            createdAt |= sort.Field == ProductSortField.CreatedAt;
        }

        return product => new ProductCursor(
            signature,
            name ? product.Name : null,
            price ? product.Price : null,
            createdAt ? product.CreatedAt : null,
            product.Id);
    }

    private static string Signature(IReadOnlyList<ProductSort> order)
        => string.Join(',', order.Select(sort => $"{sort.Field}:{(sort.Descending ? "desc" : "asc")}"));

    private static void Check(ProductFilter filter, IReadOnlyList<ProductSort> order, ProductCursor? after)
    {
        var errors = new List<DomainError>();
        // The same text rule as every other input (code points, no control or invisible
        // characters); the query trims the term the same way.
        TextInput.Optional(filter.Search, "where.search", MaxSearchLength, ArgumentErrors.Invalid, errors);

        if (filter is { MinPrice: { } min, MaxPrice: { } max } && min > max)
        {
            errors.Add(new DomainError(ArgumentErrors.Invalid, "minPrice is above maxPrice.", "where.minPrice"));
        }

        if (order.Count is 0 or > MaxSortKeys || order.DistinctBy(sort => sort.Field).Count() != order.Count)
        {
            errors.Add(new DomainError(ArgumentErrors.Invalid, $"Sort by 1 to {MaxSortKeys} different fields.", "order"));
        }
        else if (after is not null && !IsFor(after, order))
        {
            errors.Add(new DomainError(ArgumentErrors.Invalid, "'after' is a cursor of a list in another order.", "after"));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }
    }

    private static bool IsFor(ProductCursor cursor, IReadOnlyList<ProductSort> order)
        => cursor.Order == Signature(order)
            && order.All(sort => sort.Field switch
            {
                ProductSortField.Name => cursor.Name is not null,
                ProductSortField.Price => cursor.Price is not null,
                _ => cursor.CreatedAt is not null,
            });

    private static IQueryable<Product> Filter(IQueryable<Product> products, ProductFilter filter, bool seesArchived)
    {
        if (!seesArchived)
        {
            products = products.Where(p => p.Active);
        }

        if (filter.Active is { } active)
        {
            products = products.Where(p => p.Active == active);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = "%" + EscapeLike(filter.Search.Trim()) + "%";
            products = products.Where(p => EF.Functions.ILike(p.Name, pattern, "\\") || EF.Functions.ILike(p.Sku, pattern, "\\"));
        }

        if (filter.CategoryId is { } categoryId)
        {
            products = products.Where(p => p.CategoryLinks.Any(link => link.CategoryId == categoryId));
        }

        if (filter.MinPrice is { } min)
        {
            products = products.Where(p => p.Price >= min);
        }

        if (filter.MaxPrice is { } max)
        {
            products = products.Where(p => p.Price <= max);
        }

        if (filter.InStock is { } inStock)
        {
            products = inStock
                ? products.Where(p => p.Stock.Total - p.Stock.Reserved > 0)
                : products.Where(p => p.Stock.Total - p.Stock.Reserved <= 0);
        }

        return products;
    }

    private static string EscapeLike(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
