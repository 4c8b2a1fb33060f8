namespace Shop.Payments.Events;

/// <summary>
/// How the order's workflow hears that its payment settled. The orchestrator implements it as a
/// Temporal signal to <c>order-&lt;orderId&gt;</c>. Delivery is at least once: the "to notify" mark is
/// stored with the status, and cleared only after this returns; a repeat must be harmless.
/// </summary>
public interface IPaymentEvents
{
    Task PublishAsync(PaymentSettled settled, CancellationToken cancellationToken);
}
