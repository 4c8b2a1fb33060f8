using Shop.Payments.Paying;
using Shop.ServiceDefaults.Time;

namespace Shop.Payments.Events;

/// <summary>Tells the order's workflow of a payment marked "to notify", then clears the mark.</summary>
public sealed partial class PaymentNotifier(
    IPaymentRepository payments, TimeProvider clock, ILogger<PaymentNotifier> logger, IPaymentEvents? events = null)
{
    /// <summary>True once the news was accepted (or there was none to give); false leaves it to the janitor.</summary>
    public async Task<bool> TryNotifyAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (!payment.NotifyPending)
        {
            return true;
        }

        if (events is null)
        {
            return false;
        }

        try
        {
            await events.PublishAsync(new PaymentSettled(payment.OrderId, payment.Status, payment.ZpTransId, payment.PaidAt ?? payment.UpdatedAt), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotifyFailed(logger, exception, payment.OrderCode);
            return false;
        }

        await payments.UpdateAsync(payment.OrderId, p =>
        {
            if (!p.NotifyPending)
            {
                return false;
            }

            p.MarkNotified(clock.Now());
            return true;
        }, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment of order {OrderCode}: the workflow was not told yet; the janitor will retry")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string orderCode);
}
