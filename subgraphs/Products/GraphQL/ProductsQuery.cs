using Shop.GraphQL.Resolvers;
using GraphQL.DataLoader;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.DataLoader;
using Shop.GraphQL.Relay;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.Products.GraphQL.DataLoaders;

namespace Shop.Products.GraphQL;

public sealed class ProductsQuery : ObjectGraphType
{
    public ProductsQuery()
    {
        Name = "Query";
        Field<ProductType>("product")
            .Description("A product by id; null when there is none, or it is archived and the caller is not an admin.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => Visible(context, context.Service<ProductByIdDataLoader>().Load(context.GuidArgument("id"))));
        Field<ProductType>("productBySku")
            .Description("A product by SKU (case ignored); null when there is none, or it is archived and the caller is not an admin.")
            .Argument<NonNullGraphType<StringGraphType>>("sku")
            .Resolve(context => Visible(context, context.Service<ProductBySkuDataLoader>().Load(context.GetArgument<string>("sku").Trim().ToUpperInvariant())));
        Field<NonNullGraphType<ProductConnectionType>>("products")
            .Description("Products, a page at a time. Archived products are listed to admins only.")
            .Arguments(PageRequest<ProductCursor>.Arguments(ProductListArguments.Arguments()))
            .ResolveAsync(async context => await ListAsync(context));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("Every category, by name.")
            .ResolveAsync(async context => await context.Service<CategoryCatalog>().ListAsync(context.CancellationToken));
    }

    private static IDataLoaderResult<Product?> Visible(IResolveFieldContext context, IDataLoaderResult<Product?> product)
    {
        var seesArchived = Visibility.SeesArchived(context.GetCaller());
        return product.Then(p => p is { Active: false } && !seesArchived ? null : p);
    }

    private static async Task<object> ListAsync(IResolveFieldContext context)
    {
        var page = PageRequest<ProductCursor>.From(context);
        var filter = ProductListArguments.Filter(context);
        var order = ProductListArguments.Order(context);
        var seesArchived = Visibility.SeesArchived(context.GetCaller());
        var shape = ProductListSelection.Shape(context);
        var result = await ResolverServices.QueryAsync(() =>
            context.Service<ProductListing>().ListAsync(filter, order, page.First, page.After, seesArchived, shape, context.CancellationToken));

        // Without a count, totalCount was not selected and is never read.
        return ConnectionFactory.Create(result.Rows, page.First, ProductListing.CursorsFor(order), result.TotalCount ?? 0, page.After is not null);
    }
}
