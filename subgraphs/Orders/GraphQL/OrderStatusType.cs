using GraphQL.Types;
using Shop.Orders.Ordering;

namespace Shop.Orders.GraphQL;

public sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
        Description = "PENDING → RESERVED → AWAITING_PAYMENT → PAID → COMPLETED; REJECTED and CANCELLED end an order early.";
    }
}
