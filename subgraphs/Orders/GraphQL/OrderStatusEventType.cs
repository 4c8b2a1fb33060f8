using GraphQL.Types;
using Shop.Orders.Events;

namespace Shop.Orders.GraphQL;

public sealed class OrderStatusEventType : ObjectGraphType<OrderStatusEvent>
{
    public OrderStatusEventType()
    {
        Name = "OrderStatusEvent";
        Description = "A stored status change of an order.";
        Field<NonNullGraphType<OrderType>>("order").Description("The order as stored when the event was delivered.").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<OrderStatusType>>("status").Resolve(c => c.Source.Status);
        Field<OrderStatusType>("previousStatus").Resolve(c => c.Source.PreviousStatus);
        Field(e => e.Reason);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.UtcDateTime);
    }
}
