using Shop.Payments.ZaloPay;
using Shop.ServiceDefaults.Time;

namespace Shop.Payments.Paying;

/// <summary>
/// Asks ZaloPay where a payment stands and records the answer: callbacks get lost, so order
/// processing reconciles by querying. Money found is recorded exactly as a callback would; a failed
/// or expired ZaloPay order ends the payment FAILED or EXPIRED; refunds under way are moved on.
/// </summary>
public sealed partial class PaymentReconciliation(
    IPaymentRepository payments, ZaloPayClient zaloPay, PaymentSettlement settlement, PaymentRefunding refunds, TimeProvider clock,
    ILogger<PaymentReconciliation> logger)
{
    public async Task<Payment> QueryAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var payment = await payments.GetAsync(orderId, cancellationToken) ?? throw PaymentErrors.PaymentNotFound(orderId);
        if (payment.Status == PaymentStatus.Pending)
        {
            payment = await AskAsync(payment, cancellationToken);
        }

        return payment.RefundsPending ? await refunds.TryProgressAsync(orderId, cancellationToken) : payment;
    }

    private async Task<Payment> AskAsync(Payment payment, CancellationToken cancellationToken)
    {
        // Only attempts ZaloPay created can have been paid: nobody holds the URL of the others.
        ZaloPayStatus? current = null;
        foreach (var attempt in payment.Attempts.Where(a => a.State == AttemptState.Open))
        {
            var status = await zaloPay.QueryAsync(attempt.AppTransId, cancellationToken);
            if (status.State == ZaloPayPaymentState.Paid && status.ZpTransId is { } zpTransId)
            {
                if (status.Amount != (long)payment.Amount)
                {
                    LogAmountMismatch(logger, attempt.AppTransId, status.Amount, payment.Amount);
                    continue;
                }

                return (await settlement.ReceiveMoneyAsync(payment.OrderId, zpTransId, cancellationToken)).Payment;
            }

            if (attempt.AppTransId == payment.CurrentAttempt.AppTransId)
            {
                current = status;
            }
        }

        if (current is not { State: ZaloPayPaymentState.Failed } failed)
        {
            return payment;
        }

        var expired = failed.Expired || payment.ExpiresAt <= clock.GetUtcNow();
        return await payments.UpdateAsync(payment.OrderId, p =>
        {
            if (p.Status != PaymentStatus.Pending)
            {
                return false;
            }

            p.MoveTo(expired ? PaymentStatus.Expired : PaymentStatus.Failed,
                expired ? "The time to pay ran out at ZaloPay" : $"ZaloPay says the payment failed: {failed.Message}", clock.Now());
            return true;
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ZaloPay reports {Paid} VND paid for {AppTransId}, but the payment is {Expected} VND; not recorded")]
    private static partial void LogAmountMismatch(ILogger logger, string appTransId, long paid, decimal expected);
}
