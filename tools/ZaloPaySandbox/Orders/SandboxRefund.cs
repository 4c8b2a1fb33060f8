namespace Shop.ZaloPaySandbox.Orders;

public enum RefundStatus
{
    Refunded = 1,
    Failed = 2,
    Processing = 3,
}

/// <summary>One refund: processing until <see cref="SettlesAt"/>, then done, unless the control API made it fail.</summary>
public sealed record SandboxRefund(
    string MRefundId, long RefundId, long ZpTransId, long Amount, string Description, DateTimeOffset CreatedAt, DateTimeOffset SettlesAt, bool Fails)
{
    public RefundStatus StatusAt(DateTimeOffset now)
        => Fails ? RefundStatus.Failed : now >= SettlesAt ? RefundStatus.Refunded : RefundStatus.Processing;
}
