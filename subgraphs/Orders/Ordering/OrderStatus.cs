namespace Shop.Orders.Ordering;

/// <summary>Where an order is in its lifecycle; see <see cref="OrderLifecycle"/> for the moves.</summary>
public enum OrderStatus
{
    Pending = 1,
    Reserved = 2,
    AwaitingPayment = 3,
    Paid = 4,
    Completed = 5,
    Rejected = 6,
    Cancelled = 7,
}
