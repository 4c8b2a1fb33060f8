using GraphQL.Types;
using Shop.GraphQL.Errors;

namespace Shop.Orders.GraphQL;

public sealed class PlaceOrderPayloadType : ObjectGraphType<OrderPayload>
{
    public PlaceOrderPayloadType()
    {
        Name = "PlaceOrderPayload";
        Field<OrderType>("order").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceOrderErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

public sealed class PlaceOrderErrorType() : DomainErrorType("PlaceOrderError", "Why an order was not placed: NO_ITEMS, TOO_MANY_ITEMS, INVALID_QUANTITY, INVALID_PRODUCT_ID, PRODUCT_NOT_FOUND, PRODUCT_UNAVAILABLE, INVALID_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_REUSED, CATALOG_UNAVAILABLE.");
