using Microsoft.Extensions.Options;
using Shop.Products.Grpc;
using Temporalio.Activities;

namespace Shop.Orchestrator.Activities;

/// <summary>Stock held for an order; products keys every call by order id, so repeats never count twice.</summary>
public sealed class InventoryActivities(InventoryService.InventoryServiceClient inventory, IOptions<OrchestratorOptions> options)
{
    /// <summary>All lines or none; too little stock or an archived product is a non-retryable refusal.</summary>
    [Activity("Reserve")]
    public async Task<string> ReserveAsync(ReserveInput input)
    {
        var request = new ReserveRequest { OrderId = input.OrderId.ToString() };
        request.Lines.AddRange(input.Lines.Select(l => new ReservationLine { ProductId = l.ProductId.ToString(), Quantity = l.Quantity }));
        var response = await GrpcFailures.CallAsync(() => inventory.ReserveAsync(request, deadline: Deadline, cancellationToken: Token).ResponseAsync);
        return State(response.State);
    }

    /// <summary>Refused (RESERVATION_RELEASED...) when the reservation is gone: the workflow refunds.</summary>
    [Activity("Commit")]
    public async Task<string> CommitAsync(Guid orderId)
    {
        var response = await GrpcFailures.CallAsync(() => inventory.CommitAsync(
            new CommitRequest { OrderId = orderId.ToString() }, deadline: Deadline, cancellationToken: Token).ResponseAsync);
        return State(response.State);
    }

    [Activity("Release")]
    public async Task<string> ReleaseAsync(Guid orderId)
    {
        var response = await GrpcFailures.CallAsync(() => inventory.ReleaseAsync(
            new ReleaseRequest { OrderId = orderId.ToString() }, deadline: Deadline, cancellationToken: Token).ResponseAsync);
        return State(response.State);
    }

    private static string State(ReservationState state) => state.ToString().ToUpperInvariant();

    private DateTime Deadline => DateTime.UtcNow.Add(options.Value.CallDeadline);

    private static CancellationToken Token => ActivityExecutionContext.Current.CancellationToken;
}
