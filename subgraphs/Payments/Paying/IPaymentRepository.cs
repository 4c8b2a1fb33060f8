namespace Shop.Payments.Paying;

/// <summary>
/// Where payments live. Two adapters implement it (PostgreSQL, MongoDB) and one contract test suite
/// runs against both. Writes are optimistic: an update names the version it was computed from.
/// </summary>
public interface IPaymentRepository
{
    Task<Payment?> GetAsync(Guid orderId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Payment>> GetManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken);

    /// <summary>The payment one of whose attempts has this app_trans_id.</summary>
    Task<Payment?> GetByAppTransIdAsync(string appTransId, CancellationToken cancellationToken);

    /// <summary>Stores a new payment; false (storing nothing) when the order already has one.</summary>
    Task<bool> TryAddAsync(Payment payment, CancellationToken cancellationToken);

    /// <summary>Replaces the stored payment if it is still at <paramref name="expectedVersion"/>; false when another writer got there first.</summary>
    Task<bool> TryUpdateAsync(Payment payment, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>One page of payments, newest first, with the count of all that match.</summary>
    Task<PaymentPage> ListAsync(PaymentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Payments with unfinished business, oldest change first: a workflow not yet told of its
    /// payment, or a refund ZaloPay has not confirmed; only those unchanged since <paramref name="changedBefore"/>.
    /// </summary>
    Task<IReadOnlyList<Payment>> GetUnsettledAsync(int max, DateTimeOffset changedBefore, CancellationToken cancellationToken);
}

/// <summary>A keyset page request: payments after <paramref name="After"/> in (created, order id) descending order.</summary>
public sealed record PaymentQuery(PaymentStatus? Status, int First, PaymentCursor? After);

/// <summary>The sort key of a payment in listings.</summary>
public sealed record PaymentCursor(DateTimeOffset CreatedAt, Guid OrderId);

/// <summary>Up to <c>First + 1</c> payments (the extra tells that more follow) and the total matching.</summary>
public sealed record PaymentPage(IReadOnlyList<Payment> Payments, int TotalCount);
