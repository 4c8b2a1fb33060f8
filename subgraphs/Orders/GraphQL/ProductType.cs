using GraphQL.Federation;
using GraphQL.Types;

namespace Shop.Orders.GraphQL;

/// <summary>The products subgraph's Product, known here only by its key.</summary>
public sealed class ProductType : ObjectGraphType<ProductReference>
{
    public ProductType()
    {
        Name = "Product";
        this.Key("id", resolvable: false);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
    }
}

public sealed record ProductReference(Guid Id);
