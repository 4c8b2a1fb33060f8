using System.Collections.Concurrent;
using Shop.Orders.Ordering;

namespace Shop.Orders.Tests.Events;

/// <summary>
/// The service's own repository, counting the reads that return whole orders and noting whose
/// history tails were read; it can be told to fail the next few reads of several orders, as a
/// database away or a pool run dry would.
/// </summary>
public sealed class CountingOrderRepository(IOrderRepository inner, CountingOrderRepository.Counter counter) : IOrderRepository
{
    public sealed class Counter
    {
        private int _orderReads;
        private int _failuresLeft;

        public int OrderReads => Volatile.Read(ref _orderReads);

        /// <summary>Orders whose status changes were read (as a subscription's start does), once the read returned.</summary>
        public ConcurrentDictionary<Guid, bool> TailsRead { get; } = new();

        public void Reset() => Interlocked.Exchange(ref _orderReads, 0);

        public void CountOrderRead() => Interlocked.Increment(ref _orderReads);

        public void FailNextReadsOfMany(int count) => Interlocked.Exchange(ref _failuresLeft, count);

        public bool TakeFailure() => Interlocked.Decrement(ref _failuresLeft) >= 0;
    }

    public Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        counter.CountOrderRead();
        return inner.GetAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<Order>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        counter.CountOrderRead();
        if (counter.TakeFailure())
        {
            throw new TimeoutException("Reading the orders timed out (a failure the test asked for).");
        }

        return inner.GetManyAsync(ids, cancellationToken);
    }

    public async Task<IReadOnlyList<OrderStatusChange>> GetStatusChangesAsync(Guid orderId, int afterSequence, CancellationToken cancellationToken)
    {
        var changes = await inner.GetStatusChangesAsync(orderId, afterSequence, cancellationToken);
        counter.TailsRead[orderId] = true;
        return changes;
    }

    public Task<Order?> GetByCodeAsync(string code, CancellationToken cancellationToken) => inner.GetByCodeAsync(code, cancellationToken);

    public Task<Order?> GetByIdempotencyKeyAsync(Guid customerId, string idempotencyKey, CancellationToken cancellationToken)
        => inner.GetByIdempotencyKeyAsync(customerId, idempotencyKey, cancellationToken);

    public Task<Order> AddAsync(Order order, CancellationToken cancellationToken) => inner.AddAsync(order, cancellationToken);

    public Task<bool> TryUpdateAsync(Order order, long expectedVersion, CancellationToken cancellationToken)
        => inner.TryUpdateAsync(order, expectedVersion, cancellationToken);

    public Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, OrderPage>> ListForCustomersAsync(IReadOnlyCollection<Guid> customerIds, int first, CancellationToken cancellationToken)
        => inner.ListForCustomersAsync(customerIds, first, cancellationToken);

    public Task<IReadOnlyList<Order>> GetNotHandedOffAsync(int max, DateTimeOffset placedBefore, CancellationToken cancellationToken)
        => inner.GetNotHandedOffAsync(max, placedBefore, cancellationToken);
}
