using Shop.Orders.Ordering;

namespace Shop.Orders.Events;

/// <summary>
/// A stored transition, as it travels between instances: small (ids and statuses), versioned so a
/// receiver can drop anything older than what it has already delivered for that order.
/// </summary>
public sealed record OrderStatusChanged(
    Guid OrderId, Guid CustomerId, OrderStatus? From, OrderStatus To, string Reason, DateTimeOffset At, long Version);
