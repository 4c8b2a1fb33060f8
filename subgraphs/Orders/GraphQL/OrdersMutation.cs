using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.Orders.Ordering;
using Shop.ServiceDefaults.Domain;

namespace Shop.Orders.GraphQL;

public sealed class OrdersMutation : ObjectGraphType
{
    public OrdersMutation()
    {
        Name = "Mutation";

        Field<NonNullGraphType<PlaceOrderPayloadType>>("placeOrder")
            .Description("Places an order for the signed-in customer; it starts PENDING.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<PlaceOrderRequest>("input");
                var placement = context.Service<OrderPlacement>();
                try
                {
                    return OrderPayload.Of(await placement.PlaceAsync(caller.UserId, input, context.CancellationToken));
                }
                catch (DomainException exception)
                {
                    return OrderPayload.Failed(exception);
                }
            });

        Field<NonNullGraphType<CancelOrderPayloadType>>("cancelOrder")
            .Description("Asks to cancel an unpaid order; order processing releases its stock and cancels it.")
            .Argument<NonNullGraphType<CancelOrderInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<CancelOrderInput>("input");
                if (!Guid.TryParse(input.OrderId, out var orderId))
                {
                    return new OrderPayload(null, [new DomainError(OrderErrors.NotFound, $"'{input.OrderId}' is not an order id.", "orderId")]);
                }

                var cancellation = context.Service<OrderCancellation>();
                try
                {
                    return OrderPayload.Of(await cancellation.RequestAsync(caller, orderId, input.Reason, context.CancellationToken));
                }
                catch (DomainException exception)
                {
                    return OrderPayload.Failed(exception);
                }
            });
    }
}
