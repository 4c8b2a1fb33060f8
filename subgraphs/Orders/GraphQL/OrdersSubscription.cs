using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.Orders.Events;
using Shop.Orders.Ordering;
using Shop.Domain;

namespace Shop.Orders.GraphQL;

public sealed class OrdersSubscription : ObjectGraphType
{
    public OrdersSubscription()
    {
        Name = "Subscription";

        Field<NonNullGraphType<OrderStatusChangeType>, OrderStatusChangeEvent>("orderStatusChanged")
            .Description(
                "The status changes of one order, for its owner and admins. Without `afterSequence` it starts after the order's "
                + "latest change when subscribing (read `statusHistory` for the past); with it, the stored changes after that "
                + "sequence come first. Then every change follows, oldest first, each `sequence` once and none skipped, "
                + "also when the server lost its event connection meanwhile.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .Argument<IntGraphType>("afterSequence", "Resume after this change (the last `sequence` seen); 0 replays the whole history.")
            .ResolveStreamAsync(async context =>
            {
                var caller = context.RequireCaller();
                var orderId = context.GuidArgument("orderId");
                var after = context.GetArgument<int?>("afterSequence");
                if (after < 0)
                {
                    throw new ExecutionError("'afterSequence' cannot be negative.") { Code = IdArguments.InvalidArgument };
                }

                var order = await context.Service<IOrderRepository>().GetAsync(orderId, context.CancellationToken);
                if (order is null || !caller.CanAccess(order.CustomerId))
                {
                    throw new ExecutionError($"Order {orderId} does not exist.") { Code = IdErrors.NotFound };
                }

                return context.Service<OrderEventHub>().ForOrder(order.Id, order.CustomerId, Math.Min(after ?? order.History.Count, order.History.Count));
            });

        Field<NonNullGraphType<OrderStatusChangeType>, OrderStatusChangeEvent>("myOrderUpdates")
            .Description(
                "The status changes of the signed-in customer's orders stored after subscribing; per order oldest first, "
                + "each `sequence` once and none skipped (an order placed later starts after its placement, sequence 1).")
            .ResolveStreamAsync(async context =>
            {
                var caller = context.RequireCaller();
                return await context.Service<OrderEventHub>().ForCustomerAsync(caller.UserId, context.CancellationToken);
            });
    }
}
