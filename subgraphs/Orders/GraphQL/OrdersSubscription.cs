using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.Orders.Events;
using Shop.Orders.Ordering;
using Shop.ServiceDefaults.Domain;

namespace Shop.Orders.GraphQL;

public sealed class OrdersSubscription : ObjectGraphType
{
    public OrdersSubscription()
    {
        Name = "Subscription";

        Field<NonNullGraphType<OrderStatusEventType>, OrderStatusEvent>("orderStatusChanged")
            .Description("Each status change of one order, in order; for its owner and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .ResolveStreamAsync(async context =>
            {
                var caller = context.RequireCaller();
                var orderId = context.GuidArgument("orderId");
                var order = await context.Service<IOrderRepository>().GetAsync(orderId, context.CancellationToken);
                if (order is null || !caller.CanAccess(order.CustomerId))
                {
                    throw new ExecutionError($"Order {orderId} does not exist.") { Code = IdErrors.NotFound };
                }

                return context.Service<OrderEventHub>().ForOrder(orderId);
            });

        Field<NonNullGraphType<OrderStatusEventType>, OrderStatusEvent>("myOrderUpdates")
            .Description("Each status change of any of the signed-in customer's orders.")
            .ResolveStream(context =>
            {
                var caller = context.RequireCaller();
                return context.Service<OrderEventHub>().ForCustomer(caller.UserId);
            });
    }
}
