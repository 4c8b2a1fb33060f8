using GraphQL.Types;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class OrderStatusChangeType : ObjectGraphType<StatusChange>
{
    public OrderStatusChangeType()
    {
        Name = "OrderStatusChange";
        Field<OrderStatusType>("from").Description("Null for the first entry, the placement.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<OrderStatusType>>("to").Resolve(c => c.Source.To);
        Field(c => c.Reason);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.UtcDateTime);
    }
}
