using Microsoft.Extensions.Options;
using Shop.Payments.ZaloPay;
using Shop.Domain;
using Shop.ServiceDefaults.Time;

namespace Shop.Payments.Paying;

/// <summary>
/// Gives money back through ZaloPay. A refund is stored (with its m_refund_id) before ZaloPay is
/// asked, so it survives a crash and a retry never refunds twice; ZaloPay refunds asynchronously, so
/// pending refunds are queried until done. A refund ZaloPay fails is tried again under a new id, a
/// few times, then left for an operator with an error in the log.
/// </summary>
public sealed partial class PaymentRefunding(
    IPaymentRepository payments, ZaloPayClient zaloPay, IOptions<ZaloPayOptions> options, TimeProvider clock, ILogger<PaymentRefunding> logger)
{
    public const int MaxFailedRefunds = 3;

    /// <summary>Refunds a paid payment (its order could not be fulfilled); a repeat changes nothing.</summary>
    public async Task<Payment> RequestAsync(Guid orderId, string? reason, CancellationToken cancellationToken)
    {
        var why = PaymentRules.CheckedText(reason, PaymentRules.MaxReasonLength, "reason", "The order could not be fulfilled");
        var payment = await payments.UpdateAsync(orderId, p =>
        {
            if (!PaymentLifecycle.MoneyArrived(p.Status))
            {
                throw new DomainException(new DomainError(PaymentErrors.NotPaid, $"The payment of order {p.OrderCode} is {p.Status}: there is no money to refund."));
            }

            var now = clock.Now();
            return p.RequestRefund(why, ZaloPayIds.NewRefundId(options.Value.AppId, now), now);
        }, cancellationToken);
        return await TryProgressAsync(payment.OrderId, cancellationToken);
    }

    /// <summary>
    /// Moves every pending refund of the payment on: submits those ZaloPay has not accepted yet and
    /// asks about the others. ZaloPay being unavailable leaves them for the janitor.
    /// </summary>
    public async Task<Payment> TryProgressAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var payment = await payments.GetAsync(orderId, cancellationToken) ?? throw PaymentErrors.PaymentNotFound(orderId);
        foreach (var refund in payment.Refunds.Where(r => r.State == RefundState.Pending).ToList())
        {
            ZaloPayRefundAnswer answer;
            try
            {
                answer = !refund.Submitted
                    ? await zaloPay.RefundAsync(refund.MRefundId, refund.ZpTransId, (long)refund.Amount, Description(payment), cancellationToken)
                    : await zaloPay.QueryRefundAsync(refund.MRefundId, cancellationToken);
            }
            catch (ZaloPayUnavailableException exception)
            {
                LogRefundDeferred(logger, exception, refund.MRefundId);
                continue;
            }

            payment = await RecordAsync(orderId, refund, answer, cancellationToken);
        }

        return payment;
    }

    private async Task<Payment> RecordAsync(Guid orderId, PaymentRefund refund, ZaloPayRefundAnswer answer, CancellationToken cancellationToken)
        => await payments.UpdateAsync(orderId, p =>
        {
            if (p.Refunds.FirstOrDefault(r => r.MRefundId == refund.MRefundId) is not { State: RefundState.Pending } current)
            {
                return false;
            }

            var now = clock.Now();
            var refundId = answer.RefundId ?? current.ZaloPayRefundId;
            switch (answer.State)
            {
                case ZaloPayRefundState.Refunded:
                    p.UpdateRefund(current with { State = RefundState.Succeeded, CompletedAt = now, Submitted = true, ZaloPayRefundId = refundId }, now);
                    break;
                case ZaloPayRefundState.Failed:
                    p.UpdateRefund(current with { State = RefundState.Failed, CompletedAt = now, Submitted = true, ZaloPayRefundId = refundId, LastError = answer.Message }, now);
                    var failures = p.Refunds.Count(r => r.ZpTransId == current.ZpTransId && r.State == RefundState.Failed);
                    if (failures < MaxFailedRefunds)
                    {
                        p.AddRefund(new PaymentRefund(ZaloPayIds.NewRefundId(options.Value.AppId, now), current.ZpTransId, current.Amount, current.Reason, RefundState.Pending, now), now);
                    }
                    else
                    {
                        LogRefundAbandoned(logger, p.OrderCode, current.ZpTransId, answer.Message);
                    }

                    break;
                default:
                    if (current.Submitted && refundId == current.ZaloPayRefundId)
                    {
                        return false;
                    }

                    // Accepted and processing: from now on it is queried, not submitted again.
                    p.UpdateRefund(current with { Submitted = true, ZaloPayRefundId = refundId }, now);
                    break;
            }

            return true;
        }, cancellationToken);

    private static string Description(Payment payment) => $"Shop refund for order {payment.OrderCode}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund {MRefundId} waits: ZaloPay is unavailable")]
    private static partial void LogRefundDeferred(ILogger logger, Exception exception, string mRefundId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refund of order {OrderCode} (zp_trans_id {ZpTransId}) failed too often ({Reason}); an operator must refund it by hand")]
    private static partial void LogRefundAbandoned(ILogger logger, string orderCode, string zpTransId, string reason);
}
