using GraphQL.Types;
using Shop.Orders.Events;

namespace Shop.Orders.GraphQL;

/// <summary>One status change, the same type in <c>Order.statusHistory</c> and in the subscriptions.</summary>
public sealed class OrderStatusChangeType : ObjectGraphType<OrderStatusChangeEvent>
{
    public OrderStatusChangeType()
    {
        Name = "OrderStatusChange";
        Description = "A stored move of an order's status, with its time and reason.";
        Field<NonNullGraphType<IntGraphType>>("sequence")
            .Description("Its place in the order's history: 1 for the placement, then 2, 3, … with no gaps.")
            .Resolve(c => c.Source.Change.Sequence);
        Field<OrderStatusType>("from").Description("Null for the first entry, the placement.").Resolve(c => c.Source.Change.From);
        Field<NonNullGraphType<OrderStatusType>>("to").Resolve(c => c.Source.Change.To);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Change.Reason);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.Change.At.UtcDateTime);
        Field<NonNullGraphType<OrderType>>("order")
            .Description("The order as it was right after this change: its status is `to` and its history ends with this change, whatever happened to it since.")
            .Resolve(c => c.Source.OrderAsOf());
    }
}
