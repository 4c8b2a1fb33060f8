using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.Products.Data;

namespace Shop.Products.GraphQL;

/// <summary>
/// Units of a product. Everyone sees what can be bought (available, inStock); how much is on hand
/// and held for orders is for admins, and asking for it otherwise is a FORBIDDEN field error.
/// </summary>
public sealed class StockType : ObjectGraphType<StockLevel>
{
    public StockType()
    {
        Name = "Stock";
        Description = "Units of a product: available = total - reserved.";
        Field(stock => stock.Available).Description("Units that can still be ordered.");
        Field<NonNullGraphType<BooleanGraphType>>("inStock").Resolve(context => context.Source.Available > 0);
        Field<IntGraphType>("total").Description("Units on hand. Admins only.").Resolve(context =>
        {
            context.RequireAdmin();
            return context.Source.Total;
        });
        Field<IntGraphType>("reserved").Description("Units held for orders not yet paid. Admins only.").Resolve(context =>
        {
            context.RequireAdmin();
            return context.Source.Reserved;
        });
    }
}
