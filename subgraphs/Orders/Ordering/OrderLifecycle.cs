namespace Shop.Orders.Ordering;

/// <summary>
/// The one place that knows how an order may move:
/// PENDING → RESERVED → AWAITING_PAYMENT → PAID → COMPLETED, with REJECTED (stock could not be
/// reserved, from PENDING) and CANCELLED as terminal failures. Moves only go forward. A PAID order is
/// CANCELLED only by processing, when its stock could not be committed and the money was refunded.
/// </summary>
public static class OrderLifecycle
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Next = new()
    {
        [OrderStatus.Pending] = [OrderStatus.Reserved, OrderStatus.Rejected, OrderStatus.Cancelled],
        [OrderStatus.Reserved] = [OrderStatus.AwaitingPayment, OrderStatus.Cancelled],
        [OrderStatus.AwaitingPayment] = [OrderStatus.Paid, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.Completed] = [],
        [OrderStatus.Rejected] = [],
        [OrderStatus.Cancelled] = [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => Next[from].Contains(to);

    public static bool IsTerminal(OrderStatus status) => Next[status].Length == 0;

    /// <summary>A customer may ask to cancel until the order is paid.</summary>
    public static bool IsCancellable(OrderStatus status) => status != OrderStatus.Paid && CanMove(status, OrderStatus.Cancelled);
}
