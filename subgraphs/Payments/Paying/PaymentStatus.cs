namespace Shop.Payments.Paying;

/// <summary>Where a payment's money is; see <see cref="PaymentLifecycle"/> for the moves.</summary>
public enum PaymentStatus
{
    Pending = 1,
    Paid = 2,
    Failed = 3,
    Cancelled = 4,
    Expired = 5,
    RefundPending = 6,
    Refunded = 7,
}
