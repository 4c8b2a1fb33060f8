using GraphQL.Types;
using Shop.Products.Data;

namespace Shop.Products.GraphQL;

public sealed class StockAdjustmentType : ObjectGraphType<StockAdjustment>
{
    public StockAdjustmentType()
    {
        Name = "StockAdjustment";
        Description = "A recorded change of a product's total stock.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        Field(adjustment => adjustment.PreviousTotal);
        Field(adjustment => adjustment.NewTotal);
        Field(adjustment => adjustment.Reason);
        Field<IdGraphType>("actorId").Description("The admin who set it; null for the system.").Resolve(context => context.Source.ActorId);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(context => context.Source.CreatedAt.UtcDateTime);
    }
}
