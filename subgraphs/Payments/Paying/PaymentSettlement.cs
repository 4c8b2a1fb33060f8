using Microsoft.Extensions.Options;
using Shop.Payments.Events;
using Shop.Payments.ZaloPay;
using Shop.ServiceDefaults.Time;

namespace Shop.Payments.Paying;

/// <summary>
/// Records money that arrived at ZaloPay (told by a callback, or found by a query): the payment
/// becomes PAID and its workflow is told, or the money goes back when nobody wants it any more.
/// </summary>
public sealed class PaymentSettlement(
    IPaymentRepository payments, PaymentNotifier notifier, PaymentRefunding refunds, IOptions<ZaloPayOptions> options, TimeProvider clock)
{
    public async Task<(Payment Payment, MoneyOutcome Outcome)> ReceiveMoneyAsync(Guid orderId, string zpTransId, CancellationToken cancellationToken)
    {
        var outcome = MoneyOutcome.AlreadyKnown;
        var payment = await payments.UpdateAsync(orderId, p =>
        {
            var now = clock.Now();
            outcome = p.ReceiveMoney(zpTransId, now, () => ZaloPayIds.NewRefundId(options.Value.AppId, now));
            return outcome != MoneyOutcome.AlreadyKnown;
        }, cancellationToken);

        switch (outcome)
        {
            case MoneyOutcome.Paid:
                await notifier.TryNotifyAsync(payment, cancellationToken);
                break;
            case MoneyOutcome.Refunding:
                payment = await refunds.TryProgressAsync(payment.OrderId, cancellationToken);
                break;
        }

        return (payment, outcome);
    }
}
