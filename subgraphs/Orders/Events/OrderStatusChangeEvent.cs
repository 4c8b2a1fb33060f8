using Shop.Orders.Ordering;

namespace Shop.Orders.Events;

/// <summary>
/// A status change together with its order as read at or after the change was stored; what
/// subscribers receive and what <c>statusHistory</c> lists. <see cref="OrderAsOf"/> is the order as it
/// was right after the change, whatever happened to it since.
/// </summary>
public sealed record OrderStatusChangeEvent(Order Order, OrderStatusChange Change)
{
    public Order OrderAsOf() => Order.AsOf(Change.Sequence);
}
