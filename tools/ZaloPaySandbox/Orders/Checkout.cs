using Microsoft.Extensions.Options;
using Shop.ZaloPaySandbox.Callbacks;

namespace Shop.ZaloPaySandbox.Orders;

/// <summary>What paying (or failing) an order did: the order afterwards and the callback attempts made meanwhile.</summary>
public sealed record PaymentOutcome(bool Done, string? Refusal, OrderState Order, IReadOnlyList<CallbackDelivery> Deliveries);

/// <summary>The customer's side of an order, shared by the pay page and the control API.</summary>
public sealed class Checkout(OrderBook orders, CallbackDispatcher callbacks, TimeProvider clock, IOptions<SandboxOptions> options)
{
    /// <summary>Pays a pending order and sends its callback (when the order named a callback_url).</summary>
    public async Task<PaymentOutcome> PayAsync(SandboxOrder order, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zpTransId = orders.NextId();
        var before = order.TryPay(zpTransId, now);
        if (before != OrderStatus.Pending)
        {
            return new PaymentOutcome(false, $"The order is {before}, not pending.", order.Snapshot(now), []);
        }

        orders.Paid(zpTransId, order);
        IReadOnlyList<CallbackDelivery> deliveries = [];
        if (order.Request.CallbackUrl is { } url)
        {
            var body = CallbackBody.Create(order.Request, zpTransId, now.ToUnixTimeMilliseconds(), options.Value.Key2);
            cancellationToken.ThrowIfCancellationRequested();
            deliveries = await callbacks.DispatchAsync(order, new CallbackMessage(url, body));
        }

        return new PaymentOutcome(true, null, order.Snapshot(clock.GetUtcNow()), deliveries);
    }

    /// <summary>The customer gave up or the payment was declined: ZaloPay sends no callback for that.</summary>
    public PaymentOutcome End(SandboxOrder order, OrderStatus to)
    {
        var now = clock.GetUtcNow();
        var before = order.TryEnd(to, now);
        return before == OrderStatus.Pending
            ? new PaymentOutcome(true, null, order.Snapshot(now), [])
            : new PaymentOutcome(false, $"The order is {before}, not pending.", order.Snapshot(now), []);
    }
}
