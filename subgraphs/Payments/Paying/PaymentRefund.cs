namespace Shop.Payments.Paying;

/// <summary>
/// Money on its way back to the customer: one ZaloPay refund of <see cref="ZpTransId"/> under its
/// own <c>m_refund_id</c> (a repeat with the same id never refunds twice). ZaloPay refunds
/// asynchronously, so a refund stays <see cref="RefundState.Pending"/> until a query says done;
/// <see cref="Submitted"/> tells whether ZaloPay accepted it (then it is queried, not sent again).
/// </summary>
public sealed record PaymentRefund(
    string MRefundId,
    string ZpTransId,
    decimal Amount,
    string Reason,
    RefundState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt = null,
    bool Submitted = false,
    string? ZaloPayRefundId = null,
    string? LastError = null);

public enum RefundState
{
    Pending = 1,
    Succeeded = 2,
    Failed = 3,
}
