using Microsoft.Extensions.Options;
using Shop.Orders.Grpc;
using Temporalio.Activities;

namespace Shop.Orchestrator.Activities;

/// <summary>Reads an order and moves it along its lifecycle; orders makes both idempotent.</summary>
public sealed class OrderActivities(OrdersService.OrdersServiceClient orders, IOptions<OrchestratorOptions> options)
{
    [Activity("GetOrder")]
    public async Task<OrderSnapshot> GetOrderAsync(Guid orderId)
    {
        var order = await GrpcFailures.CallAsync(() => orders.GetOrderAsync(
            new GetOrderRequest { OrderId = orderId.ToString() }, deadline: Deadline, cancellationToken: Token).ResponseAsync);
        return new OrderSnapshot(
            Guid.Parse(order.Id),
            order.Code,
            Guid.Parse(order.CustomerId),
            OrderStatuses.From(order.Status),
            [.. order.Lines.Select(l => new OrderItem(Guid.Parse(l.ProductId), l.ProductName, l.Quantity))],
            order.Total.ToDecimal(),
            order.Total.CurrencyCode,
            order.CancelRequested);
    }

    /// <summary>A repeat of the current status is a no-op at orders, so a retried transition is harmless.</summary>
    [Activity("Transition")]
    public async Task<string> TransitionAsync(TransitionInput input)
    {
        var response = await GrpcFailures.CallAsync(() => orders.TransitionAsync(
            new TransitionRequest { OrderId = input.OrderId.ToString(), To = OrderStatuses.ToMessage(input.To), Reason = input.Reason },
            deadline: Deadline,
            cancellationToken: Token).ResponseAsync);
        return OrderStatuses.From(response.Order.Status);
    }

    private DateTime Deadline => DateTime.UtcNow.Add(options.Value.CallDeadline);

    private static CancellationToken Token => ActivityExecutionContext.Current.CancellationToken;
}
