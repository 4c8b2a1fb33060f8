namespace Shop.Orders.Ordering;

/// <summary>
/// An order and its history. Changes go through its methods, which apply
/// <see cref="OrderLifecycle"/>; <see cref="Version"/> lets storage refuse concurrent writers.
/// </summary>
public sealed class Order
{
    private readonly List<OrderStatusChange> _history;

    public Order(
        Guid id,
        string code,
        Guid customerId,
        string idempotencyKey,
        IReadOnlyList<OrderLine> lines,
        OrderStatus status,
        IEnumerable<OrderStatusChange> history,
        CancellationRequest? cancellation,
        bool handedOff,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        long version)
    {
        Id = id;
        Code = code;
        CustomerId = customerId;
        IdempotencyKey = idempotencyKey;
        Lines = lines;
        Status = status;
        // A change's sequence is its place in the history, whatever the stored copy says.
        _history = [.. history.Select((change, index) => change with { Sequence = index + 1 })];
        Cancellation = cancellation;
        HandedOff = handedOff;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        Version = version;
    }

    public Guid Id { get; }

    /// <summary>Human-readable and unique, such as <c>SHP-7K3F-9Q2M</c>.</summary>
    public string Code { get; }

    public Guid CustomerId { get; }

    public string IdempotencyKey { get; }

    public IReadOnlyList<OrderLine> Lines { get; }

    public decimal Total => Lines.Sum(line => line.LineTotal);

    public OrderStatus Status { get; private set; }

    public IReadOnlyList<OrderStatusChange> History => _history;

    public CancellationRequest? Cancellation { get; private set; }

    /// <summary>Whether order processing has accepted the order; until then a sweeper keeps trying.</summary>
    public bool HandedOff { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public static Order Place(Guid customerId, string idempotencyKey, IReadOnlyList<OrderLine> lines, string code, DateTimeOffset at)
        => new(
            Guid.CreateVersion7(at),
            code,
            customerId,
            idempotencyKey,
            lines,
            OrderStatus.Pending,
            [new OrderStatusChange(1, null, OrderStatus.Pending, "Order placed", at)],
            cancellation: null,
            handedOff: false,
            at,
            at,
            version: 1);

    /// <summary>Moves the order to <paramref name="to"/>; the caller has checked the move is legal.</summary>
    public OrderStatusChange MoveTo(OrderStatus to, string reason, DateTimeOffset at)
    {
        if (!OrderLifecycle.CanMove(Status, to))
        {
            throw new InvalidOperationException($"An order cannot move from {Status} to {to}.");
        }

        var change = new OrderStatusChange(_history.Count + 1, Status, to, reason, at);
        _history.Add(change);
        Status = to;
        Touch(at);
        return change;
    }

    /// <summary>
    /// The order as it was right after its change number <paramref name="sequence"/>: that status,
    /// the history up to it, a cancellation request only if it was made by then. A view for events
    /// and history entries, never written back (it keeps the current <see cref="Version"/>).
    /// </summary>
    public Order AsOf(int sequence)
    {
        if (sequence < 1 || sequence > _history.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"Order {Code} has changes 1 to {_history.Count}.");
        }

        var change = _history[sequence - 1];
        return new Order(
            Id,
            Code,
            CustomerId,
            IdempotencyKey,
            Lines,
            change.To,
            _history.Take(sequence),
            Cancellation is { } requested && requested.At <= change.At ? requested : null,
            HandedOff,
            CreatedAt,
            change.At,
            Version);
    }

    public void RequestCancellation(string reason, DateTimeOffset at)
    {
        Cancellation = new CancellationRequest(reason, at);
        Touch(at);
    }

    public void MarkHandedOff(DateTimeOffset at)
    {
        HandedOff = true;
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }
}
