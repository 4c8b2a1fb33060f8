using GraphQL.Types;
using Shop.GraphQL.Errors;

namespace Shop.Orders.GraphQL;

public sealed class CancelOrderPayloadType : ObjectGraphType<OrderPayload>
{
    public CancelOrderPayloadType()
    {
        Name = "CancelOrderPayload";
        Field<OrderType>("order").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CancelOrderErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

public sealed class CancelOrderErrorType() : DomainErrorType("CancelOrderError", "Why a cancellation was not recorded: ORDER_NOT_FOUND, ORDER_NOT_CANCELLABLE, INVALID_REASON, CONCURRENT_UPDATE.");
