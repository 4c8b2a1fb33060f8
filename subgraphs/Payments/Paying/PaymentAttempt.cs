namespace Shop.Payments.Paying;

/// <summary>
/// One ZaloPay order for the payment, under its own <c>app_trans_id</c>. An attempt is stored
/// <see cref="AttemptState.Creating"/> before ZaloPay is asked, under a lease, so concurrent and
/// retried creations reuse the same app_trans_id and ZaloPay never holds two orders for one attempt.
/// </summary>
public sealed record PaymentAttempt(
    string AppTransId,
    DateTimeOffset CreatedAt,
    AttemptState State,
    DateTimeOffset? LeaseUntil = null,
    string? OrderUrl = null,
    string? ZpTransToken = null,
    string? QrCode = null,
    DateTimeOffset? ExpiresAt = null,
    string? Failure = null);

public enum AttemptState
{
    /// <summary>Stored; ZaloPay is being (or was never successfully) asked to create it.</summary>
    Creating = 1,

    /// <summary>ZaloPay created it: the customer can pay at its order URL.</summary>
    Open = 2,

    /// <summary>ZaloPay refused it for good; the reason is in <see cref="PaymentAttempt.Failure"/>.</summary>
    Failed = 3,

    /// <summary>
    /// ZaloPay already had its app_trans_id (a create whose answer was lost) and we never learnt its
    /// order URL, so nobody can pay it; a new attempt replaced it.
    /// </summary>
    Abandoned = 4,
}
