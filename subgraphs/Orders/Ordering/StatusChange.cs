namespace Shop.Orders.Ordering;

/// <summary>One stored transition; <see cref="From"/> is null for the first entry, the placement.</summary>
public sealed record StatusChange(OrderStatus? From, OrderStatus To, string Reason, DateTimeOffset At);
