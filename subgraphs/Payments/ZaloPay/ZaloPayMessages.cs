namespace Shop.Payments.ZaloPay;

/// <summary>What ZaloPay's <c>/v2/create</c> is asked to create.</summary>
public sealed record ZaloPayOrder(
    string AppTransId, string AppUser, DateTimeOffset AppTime, long Amount, string Description, string Item, string EmbedData);

/// <summary>ZaloPay's answer to a create: the order exists, or why not.</summary>
public sealed record ZaloPayCreated(CreateOutcome Outcome, string? OrderUrl, string? ZpTransToken, string? QrCode, string Message);

public enum CreateOutcome
{
    Created = 1,

    /// <summary>ZaloPay already has an order under this app_trans_id (sub_return_code -68).</summary>
    Duplicate = 2,

    /// <summary>ZaloPay refused it for good (invalid data, signature, app).</summary>
    Refused = 3,
}

/// <summary>ZaloPay's answer to <c>/v2/query</c> for one app_trans_id.</summary>
public sealed record ZaloPayStatus(ZaloPayPaymentState State, string? ZpTransId, long Amount, DateTimeOffset? PaidAt, int SubReturnCode, string Message)
{
    /// <summary>The order's time to pay ran out (sub_return_code -54, TIME_INVALID).</summary>
    public bool Expired => SubReturnCode == -54;
}

public enum ZaloPayPaymentState
{
    Paid = 1,
    Failed = 2,

    /// <summary>Not paid yet, or being processed.</summary>
    Pending = 3,
}

/// <summary>ZaloPay's answer to <c>/v2/refund</c> or <c>/v2/query_refund</c>.</summary>
public sealed record ZaloPayRefundAnswer(ZaloPayRefundState State, string? RefundId, string Message);

public enum ZaloPayRefundState
{
    Refunded = 1,
    Failed = 2,
    Processing = 3,
}
