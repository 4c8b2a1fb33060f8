using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.Products.Catalog;
using Shop.Products.GraphQL.Inputs;
using Shop.Domain;

namespace Shop.Products.GraphQL;

/// <summary>The <c>where</c> and <c>order</c> arguments of <c>products</c>, read into domain terms.</summary>
internal static class ProductListArguments
{
    public static QueryArgument[] Arguments() =>
    [
        new QueryArgument<ProductFilterInputType> { Name = "where" },
        new QueryArgument<ListGraphType<NonNullGraphType<ProductOrderInputType>>>
        {
            Name = "order",
            Description = "Sort keys, most significant first; by name ascending when omitted.",
        },
    ];

    public static ProductFilter Filter(IResolveFieldContext context)
    {
        var where = context.GetArgument<ProductFilterInput?>("where");
        if (where is null)
        {
            return new ProductFilter();
        }

        return new ProductFilter(
            where.Search,
            where.CategoryId is null ? null : IdArguments.Parse(where.CategoryId, "where.categoryId"),
            Price(where.MinPrice, "where.minPrice"),
            Price(where.MaxPrice, "where.maxPrice"),
            where.InStock,
            where.Active);
    }

    public static IReadOnlyList<ProductSort> Order(IResolveFieldContext context)
    {
        var order = context.GetArgument<List<ProductOrderInput>?>("order");
        return order is null or { Count: 0 }
            ? ProductListing.DefaultOrder
            : [.. order.Select(o => new ProductSort(o.Field, o.Direction == SortDirection.Desc))];
    }

    private static decimal? Price(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        return Prices.Parse(text.Trim(), out var reason)
            ?? throw new ExecutionError($"'{name}': {reason}") { Code = IdArguments.InvalidArgument };
    }
}
