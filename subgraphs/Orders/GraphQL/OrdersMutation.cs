using Shop.GraphQL.Resolvers;
using GraphQL.Types;
using Shop.GraphQL.Authorization;
using Shop.GraphQL.Mutations;
using Shop.Orders.Ordering;
using Shop.Domain;

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
                return await MutationPayload<Order>.RunAsync(
                    () => context.Service<OrderPlacement>().PlaceAsync(caller.UserId, input, context.CancellationToken));
            });

        Field<NonNullGraphType<CancelOrderPayloadType>>("cancelOrder")
            .Description("Asks to cancel an unpaid order; order processing releases its stock and cancels it.")
            .Argument<NonNullGraphType<CancelOrderInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireCaller();
                var input = context.GetArgument<CancelOrderInput>("input");
                var errors = new List<DomainError>();
                var orderId = IdErrors.Parse(input.OrderId, "orderId", errors);
                return await MutationPayload<Order>.RunAsync(
                    errors, () => context.Service<OrderCancellation>().RequestAsync(caller, orderId, input.Reason, context.CancellationToken));
            });
    }
}
