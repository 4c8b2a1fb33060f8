using Shop.Orders.Ordering;

namespace Shop.Orders.Events;

/// <summary>What a subscriber receives: the order as stored, and the transition that was published.</summary>
public sealed record OrderStatusEvent(Order Order, OrderStatus? PreviousStatus, OrderStatus Status, string Reason, DateTimeOffset At);
