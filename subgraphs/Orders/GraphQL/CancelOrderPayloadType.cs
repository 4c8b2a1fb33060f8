using Shop.GraphQL.Errors;
using Shop.GraphQL.Mutations;
using Shop.Orders.Ordering;
using Shop.Domain;

namespace Shop.Orders.GraphQL;

public sealed class CancelOrderPayloadType() : PayloadType<OrderType, Order, CancelOrderErrorType>("CancelOrderPayload", "order", "The order with the cancellation requested; null when errors say why not.");

public sealed class CancelOrderErrorType() : DomainErrorType(
    "CancelOrderError",
    "Why a cancellation was not recorded.",
    IdErrors.Invalid,
    IdErrors.NotFound,
    OrderErrors.NotCancellable,
    OrderErrors.InvalidReason,
    OrderErrors.ConcurrentUpdate);
