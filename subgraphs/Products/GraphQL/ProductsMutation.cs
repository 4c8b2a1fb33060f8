using GraphQL.Types;

namespace Shop.Products.GraphQL;

/// <summary>Every mutation is for admins: others get UNAUTHENTICATED or FORBIDDEN, and nothing changes.</summary>
public sealed class ProductsMutation : ObjectGraphType
{
    public ProductsMutation()
    {
        Name = "Mutation";
        CatalogMutations.AddTo(this);
        InventoryMutations.AddTo(this);
        CategoryMutations.AddTo(this);
    }
}
