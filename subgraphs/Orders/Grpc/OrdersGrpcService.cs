using Grpc.Core;
using Shop.Orders.Ordering;
using Shop.ServiceDefaults;
using Shop.Domain;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Orders.Grpc;

/// <summary>The orchestrator's view of orders: read one, move it along its lifecycle.</summary>
/// <remarks>Callers: the orchestrator only; it drives every order through its lifecycle.</remarks>
[AllowedCallers(ShopServices.Orchestrator)]
public sealed class OrdersGrpcService(IOrderRepository orders, OrderTransitions transitions) : OrdersService.OrdersServiceBase
{
    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var id = GrpcErrors.ParseId(request.OrderId, "order_id");
        var order = await orders.GetAsync(id, context.CancellationToken)
            ?? throw GrpcErrors.NotFound(IdErrors.NotFound, $"Order {id} does not exist.");
        return order.ToMessage();
    }

    public override async Task<TransitionResponse> Transition(TransitionRequest request, ServerCallContext context)
    {
        var id = GrpcErrors.ParseId(request.OrderId, "order_id");
        var to = request.To.FromWire()
            ?? throw GrpcErrors.InvalidArgument("INVALID_STATUS", "'to' must name an order status.");
        var expectedFrom = request.ExpectedFrom == OrderStatus.Unspecified
            ? (Ordering.OrderStatus?)null
            : request.ExpectedFrom.FromWire() ?? throw GrpcErrors.InvalidArgument("INVALID_STATUS", "'expected_from' is not an order status.");

        try
        {
            var outcome = await transitions.TransitionAsync(id, to, request.Reason, expectedFrom, context.CancellationToken);
            return new TransitionResponse { Order = outcome.Order.ToMessage(), Changed = outcome.Changed };
        }
        catch (DomainException exception)
        {
            throw exception.ToRpcException(exception.Errors[0].Code switch
            {
                IdErrors.NotFound => StatusCode.NotFound,
                OrderErrors.InvalidReason => StatusCode.InvalidArgument,
                OrderErrors.StaleStatus or OrderErrors.ConcurrentUpdate => StatusCode.Aborted,
                _ => StatusCode.FailedPrecondition,
            });
        }
    }
}
