namespace Shop.Orders.Ordering;

/// <summary>
/// One stored move of an order's status. <see cref="Sequence"/> is its place in the order's history:
/// 1 for the placement (whose <see cref="From"/> is null), then 2, 3, … without gaps, so whoever
/// follows an order can tell a missed change from a repeated one.
/// </summary>
public sealed record OrderStatusChange(int Sequence, OrderStatus? From, OrderStatus To, string Reason, DateTimeOffset At);
