namespace Shop.Orders.Ordering;

/// <summary>A customer's request to cancel, which order processing honours while the order is unpaid.</summary>
public sealed record CancellationRequest(string Reason, DateTimeOffset At);
