using Shop.Orders.Processing;
using Shop.ServiceDefaults.Auth;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Orders.Ordering;

/// <summary>
/// Records a customer's request to cancel an unpaid order. The order keeps its status: order
/// processing honours the request (releasing stock, cancelling the payment) and moves it to CANCELLED.
/// </summary>
public sealed partial class OrderCancellation(
    IOrderRepository orders, TimeProvider clock, ILogger<OrderCancellation> logger, IOrderProcessing? processing = null)
{
    public async Task<Order> RequestAsync(Caller caller, Guid orderId, string? reason, CancellationToken cancellationToken)
    {
        reason = OrderReason.Checked(reason, fallback: "Cancelled by the customer");

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var order = await orders.GetAsync(orderId, cancellationToken);
            // Someone else's order is reported exactly like a missing one.
            if (order is null || !caller.CanAccess(order.CustomerId))
            {
                throw OrderErrors.OrderNotFound(orderId);
            }

            if (order.Cancellation is not null)
            {
                return order;
            }

            if (!OrderLifecycle.IsCancellable(order.Status))
            {
                throw new DomainException(new DomainError(OrderErrors.NotCancellable,
                    $"Order {order.Code} is {order.Status} and can no longer be cancelled."));
            }

            var version = order.Version;
            order.RequestCancellation(reason, clock.Now());
            if (await orders.TryUpdateAsync(order, version, cancellationToken))
            {
                await NotifyProcessingAsync(order, cancellationToken);
                return order;
            }
        }

        throw new DomainException(new DomainError(OrderErrors.ConcurrentUpdate, "The order kept changing underneath; try again."));
    }

    // The request is stored on the order, which processing reads; a failed nudge loses nothing.
    private async Task NotifyProcessingAsync(Order order, CancellationToken cancellationToken)
    {
        if (processing is null)
        {
            return;
        }

        try
        {
            await processing.RequestCancellationAsync(order, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNudgeFailed(logger, exception, order.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Code}: processing was not told of the cancellation request; it will read it from the order")]
    private static partial void LogNudgeFailed(ILogger logger, Exception exception, string code);
}
