namespace Shop.Orders.Ordering;

/// <summary>
/// Where orders live. Two adapters implement it (PostgreSQL, MongoDB) and one contract test suite
/// runs against both. Writes are optimistic: an update names the version it was computed from.
/// </summary>
public interface IOrderRepository
{
    Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<Order?> GetByCodeAsync(string code, CancellationToken cancellationToken);

    Task<IReadOnlyList<Order>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<Order?> GetByIdempotencyKeyAsync(Guid customerId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new order. When the customer already has an order under the same idempotency key,
    /// nothing is stored and that order is returned instead; a clash of codes is reported as
    /// <see cref="OrderCodeTakenException"/> so the caller can draw another.
    /// </summary>
    Task<Order> AddAsync(Order order, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored order, its history included, if it is still at <paramref name="expectedVersion"/>;
    /// false when another writer got there first. Storing only: telling subscribers is
    /// <c>OrderEventPublishing</c>'s job.
    /// </summary>
    Task<bool> TryUpdateAsync(Order order, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// The order's stored status changes after number <paramref name="afterSequence"/>, oldest first
    /// (empty when there are none or the order does not exist): how a follower that saw up to
    /// <paramref name="afterSequence"/> catches up.
    /// </summary>
    Task<IReadOnlyList<OrderStatusChange>> GetStatusChangesAsync(Guid orderId, int afterSequence, CancellationToken cancellationToken);

    /// <summary>One page of orders, newest first, with the count of all that match.</summary>
    Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken);

    /// <summary>The first page of each customer's orders, newest first, in one round trip.</summary>
    Task<IReadOnlyDictionary<Guid, OrderPage>> ListForCustomersAsync(
        IReadOnlyCollection<Guid> customerIds, int first, CancellationToken cancellationToken);

    /// <summary>Orders order processing has not yet accepted, oldest first.</summary>
    Task<IReadOnlyList<Order>> GetNotHandedOffAsync(int max, DateTimeOffset placedBefore, CancellationToken cancellationToken);
}
