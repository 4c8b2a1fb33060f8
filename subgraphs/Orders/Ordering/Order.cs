namespace Shop.Orders.Ordering;

/// <summary>
/// An order and its history. Changes go through its methods, which apply
/// <see cref="OrderLifecycle"/>; <see cref="Version"/> lets storage refuse concurrent writers.
/// </summary>
public sealed class Order
{
    private readonly List<StatusChange> _history;

    public Order(
        Guid id,
        string code,
        Guid customerId,
        string idempotencyKey,
        IReadOnlyList<OrderLine> lines,
        OrderStatus status,
        IEnumerable<StatusChange> history,
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
        _history = [.. history];
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

    public IReadOnlyList<StatusChange> History => _history;

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
            [new StatusChange(null, OrderStatus.Pending, "Order placed", at)],
            cancellation: null,
            handedOff: false,
            at,
            at,
            version: 1);

    /// <summary>Moves the order to <paramref name="to"/>; the caller has checked the move is legal.</summary>
    public StatusChange MoveTo(OrderStatus to, string reason, DateTimeOffset at)
    {
        if (!OrderLifecycle.CanMove(Status, to))
        {
            throw new InvalidOperationException($"An order cannot move from {Status} to {to}.");
        }

        var change = new StatusChange(Status, to, reason, at);
        _history.Add(change);
        Status = to;
        Touch(at);
        return change;
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
