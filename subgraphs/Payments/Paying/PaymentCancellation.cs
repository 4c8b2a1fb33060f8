using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Payments.Paying;

/// <summary>
/// Gives up a payment that has not been paid. ZaloPay is asked first, so money that already
/// arrived is reported (the caller takes the paid path) rather than lost; money arriving after the
/// payment was given up is refunded when it comes (see <see cref="Payment.ReceiveMoney"/>).
/// </summary>
public sealed class PaymentCancellation(IPaymentRepository payments, PaymentReconciliation reconciliation, TimeProvider clock)
{
    public async Task<Payment> CancelAsync(Guid orderId, string? reason, bool expired, CancellationToken cancellationToken)
    {
        var why = PaymentRules.CheckedText(reason, PaymentRules.MaxReasonLength, "reason", expired ? "The time to pay ran out" : "The order was cancelled");
        await reconciliation.QueryAsync(orderId, cancellationToken);
        return await payments.UpdateAsync(orderId, p =>
        {
            if (PaymentLifecycle.MoneyArrived(p.Status))
            {
                throw new DomainException(new DomainError(PaymentErrors.AlreadyPaid,
                    $"The payment of order {p.OrderCode} is {p.Status}: the money arrived (zp_trans_id {p.ZpTransId})."));
            }

            if (p.Status != PaymentStatus.Pending)
            {
                return false;
            }

            p.MoveTo(expired ? PaymentStatus.Expired : PaymentStatus.Cancelled, why, clock.Now());
            return true;
        }, cancellationToken);
    }
}
