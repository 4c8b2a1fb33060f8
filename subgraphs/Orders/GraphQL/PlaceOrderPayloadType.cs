using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Orders.Ordering;
using Shop.Domain;

namespace Shop.Orders.GraphQL;

public sealed class PlaceOrderPayloadType() : PayloadType<OrderType, Order, PlaceOrderErrorType>("PlaceOrderPayload", "order", "The new order (PENDING); null when errors say why not.");

public sealed class PlaceOrderErrorType() : DomainErrorType(
    "PlaceOrderError",
    "Why an order was not placed.",
    OrderErrors.NoItems,
    OrderErrors.TooManyItems,
    OrderErrors.InvalidQuantity,
    IdErrors.Invalid,
    IdErrors.NotFound,
    OrderErrors.ProductUnavailable,
    OrderErrors.InvalidIdempotencyKey,
    OrderErrors.IdempotencyKeyReused,
    OrderErrors.CatalogUnavailable);
