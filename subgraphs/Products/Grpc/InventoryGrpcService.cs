using Grpc.Core;
using Shop.Products.Inventory;
using Shop.ServiceDefaults;
using Shop.Domain;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Products.Grpc;

/// <summary>The orchestrator's door to the inventory: map the request, call <see cref="InventoryLedger"/>, map back.</summary>
/// <remarks>Callers: the orchestrator only; reservations belong to its order saga.</remarks>
[AllowedCallers(ShopServices.Orchestrator)]
public sealed class InventoryGrpcService(InventoryLedger inventory) : InventoryService.InventoryServiceBase
{
    public override async Task<ReserveResponse> Reserve(ReserveRequest request, ServerCallContext context)
    {
        var orderId = GrpcErrors.ParseId(request.OrderId, "order_id");
        var lines = request.Lines.Select(line => new ReserveLine(GrpcErrors.ParseId(line.ProductId, "product_id"), line.Quantity)).ToList();
        var outcome = await CallAsync(() => inventory.ReserveAsync(orderId, lines, context.CancellationToken));
        return outcome.State == Data.ReservationState.Rejected
            ? throw InventoryStatus.Refused(outcome)
            : new ReserveResponse { OrderId = orderId.ToString(), State = outcome.State.ToWire() };
    }

    public override async Task<CommitResponse> Commit(CommitRequest request, ServerCallContext context)
    {
        var orderId = GrpcErrors.ParseId(request.OrderId, "order_id");
        var outcome = await CallAsync(() => inventory.CommitAsync(orderId, context.CancellationToken));
        return new CommitResponse { OrderId = orderId.ToString(), State = outcome.State.ToWire() };
    }

    public override async Task<ReleaseResponse> Release(ReleaseRequest request, ServerCallContext context)
    {
        var orderId = GrpcErrors.ParseId(request.OrderId, "order_id");
        var outcome = await CallAsync(() => inventory.ReleaseAsync(orderId, context.CancellationToken));
        return new ReleaseResponse { OrderId = orderId.ToString(), State = outcome.State.ToWire() };
    }

    private static async Task<ReservationOutcome> CallAsync(Func<Task<ReservationOutcome>> call)
    {
        try
        {
            return await call();
        }
        catch (DomainException exception)
        {
            throw InventoryStatus.ToRpcException(exception);
        }
    }
}
