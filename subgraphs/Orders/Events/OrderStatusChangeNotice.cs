namespace Shop.Orders.Events;

/// <summary>
/// What the backplane carries: order <see cref="OrderId"/> has stored its status change number
/// <see cref="Sequence"/>. Only a pointer: receivers read the change (and any they missed) from the
/// stored history, so a lost, repeated or reordered notice can delay an event but never skip or
/// duplicate one. A sequence of 0 means "look": deliver whatever is new.
/// </summary>
public sealed record OrderStatusChangeNotice(Guid OrderId, Guid CustomerId, int Sequence);
