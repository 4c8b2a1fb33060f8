namespace Shop.Payments.Paying;

/// <summary>
/// The one place that knows how a payment may move: PENDING ends PAID, FAILED, CANCELLED or
/// EXPIRED. Money that must go back (the order could not be fulfilled, or it arrived after the
/// payment was given up) moves the payment to REFUND_PENDING, and REFUNDED once ZaloPay confirms.
/// </summary>
public static class PaymentLifecycle
{
    private static readonly Dictionary<PaymentStatus, PaymentStatus[]> Next = new()
    {
        [PaymentStatus.Pending] = [PaymentStatus.Paid, PaymentStatus.Failed, PaymentStatus.Cancelled, PaymentStatus.Expired],
        [PaymentStatus.Paid] = [PaymentStatus.RefundPending],
        [PaymentStatus.Failed] = [PaymentStatus.RefundPending],
        [PaymentStatus.Cancelled] = [PaymentStatus.RefundPending],
        [PaymentStatus.Expired] = [PaymentStatus.RefundPending],
        [PaymentStatus.RefundPending] = [PaymentStatus.Refunded],
        [PaymentStatus.Refunded] = [],
    };

    public static bool CanMove(PaymentStatus from, PaymentStatus to) => Next[from].Contains(to);

    /// <summary>True once the customer's money reached us (whether or not it is on its way back).</summary>
    public static bool MoneyArrived(PaymentStatus status) => status is PaymentStatus.Paid or PaymentStatus.RefundPending or PaymentStatus.Refunded;

    /// <summary>The payment was given up before any money arrived: money arriving now is refunded.</summary>
    public static bool GivenUp(PaymentStatus status) => status is PaymentStatus.Failed or PaymentStatus.Cancelled or PaymentStatus.Expired;
}
