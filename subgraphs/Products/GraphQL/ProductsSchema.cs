using GraphQL.Types;

namespace Shop.Products.GraphQL;

public sealed class ProductsSchema : Schema
{
    public ProductsSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<ProductsQuery>();
        Mutation = services.GetRequiredService<ProductsMutation>();
    }
}
