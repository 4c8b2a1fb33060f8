using System.Linq.Expressions;
using Shop.Products.Data;

namespace Shop.Products.Catalog;

/// <summary>The ORDER BY of a product list and the matching "after this row" predicate, id last.</summary>
internal static class ProductKeyset
{
    private static readonly System.Reflection.MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static IQueryable<Product> Sort(IQueryable<Product> products, IReadOnlyList<ProductSort> order)
    {
        IOrderedQueryable<Product>? sorted = null;
        foreach (var sort in order)
        {
            sorted = sort.Field switch
            {
                ProductSortField.Name => By(products, sorted, p => p.Name, sort.Descending),
                ProductSortField.Price => By(products, sorted, p => p.Price, sort.Descending),
                _ => By(products, sorted, p => p.CreatedAt, sort.Descending),
            };
        }

        return By(products, sorted, p => p.Id, descending: false);
    }

    /// <summary>
    /// (k1 beyond v1) OR (k1 = v1 AND k2 beyond v2) OR ... OR (all keys equal AND id &gt; cursor id),
    /// where "beyond" is &gt; for an ascending key and &lt; for a descending one. Cursor values enter the
    /// SQL as parameters.
    /// </summary>
    public static Expression<Func<Product, bool>> After(IReadOnlyList<ProductSort> order, ProductCursor cursor)
    {
        var product = Expression.Parameter(typeof(Product), "p");
        var keys = order.Select(sort => (Key(product, sort.Field), Value(cursor, sort.Field), sort.Descending))
            .Append((Member(product, nameof(Product.Id)), Parameter(cursor.Id), false));

        Expression? matches = null;
        Expression? tiedSoFar = null;
        foreach (var (key, value, descending) in keys)
        {
            var beyond = Beyond(key, value, descending);
            var term = tiedSoFar is null ? beyond : Expression.AndAlso(tiedSoFar, beyond);
            matches = matches is null ? term : Expression.OrElse(matches, term);
            var tied = Expression.Equal(key, value);
            tiedSoFar = tiedSoFar is null ? tied : Expression.AndAlso(tiedSoFar, tied);
        }

        return Expression.Lambda<Func<Product, bool>>(matches!, product);
    }

    private static IOrderedQueryable<Product> By<TKey>(
        IQueryable<Product> products, IOrderedQueryable<Product>? sorted, Expression<Func<Product, TKey>> key, bool descending)
        => (sorted, descending) switch
        {
            (null, false) => products.OrderBy(key),
            (null, true) => products.OrderByDescending(key),
            (_, false) => sorted.ThenBy(key),
            (_, true) => sorted.ThenByDescending(key),
        };

    private static Expression Beyond(Expression key, Expression value, bool descending)
    {
        if (key.Type == typeof(string))
        {
            // string has no > operator; EF translates string.Compare(a, b) > 0 to a > b.
            var compared = Expression.Call(StringCompare, key, value);
            return descending ? Expression.LessThan(compared, Expression.Constant(0)) : Expression.GreaterThan(compared, Expression.Constant(0));
        }

        return descending ? Expression.LessThan(key, value) : Expression.GreaterThan(key, value);
    }

    private static Expression Key(ParameterExpression product, ProductSortField field) => field switch
    {
        ProductSortField.Name => Member(product, nameof(Product.Name)),
        ProductSortField.Price => Member(product, nameof(Product.Price)),
        _ => Member(product, nameof(Product.CreatedAt)),
    };

    private static Expression Value(ProductCursor cursor, ProductSortField field) => field switch
    {
        ProductSortField.Name => Parameter(cursor.Name!),
        ProductSortField.Price => Parameter(cursor.Price!.Value),
        _ => Parameter(cursor.CreatedAt!.Value),
    };

    private static MemberExpression Member(ParameterExpression product, string name) => Expression.Property(product, name);

    /// <summary>A captured value, which EF Core sends as a query parameter rather than inlining it.</summary>
    private static MemberExpression Parameter<T>(T value) => Expression.Property(Expression.Constant(new Captured<T>(value)), nameof(Captured<T>.Value));

    private sealed class Captured<T>(T value)
    {
        public T Value { get; } = value;
    }
}
