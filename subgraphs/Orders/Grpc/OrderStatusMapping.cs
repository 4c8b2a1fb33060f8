namespace Shop.Orders.Grpc;

/// <summary>
/// Inside Shop.Orders.Grpc the simple names are the generated wire types; domain types are written
/// with their namespace (Ordering.X), so neither side needs an alias.
/// </summary>
internal static class OrderStatusMapping
{
    public static OrderStatus ToWire(this Ordering.OrderStatus status) => status switch
    {
        Ordering.OrderStatus.Pending => OrderStatus.Pending,
        Ordering.OrderStatus.Reserved => OrderStatus.Reserved,
        Ordering.OrderStatus.AwaitingPayment => OrderStatus.AwaitingPayment,
        Ordering.OrderStatus.Paid => OrderStatus.Paid,
        Ordering.OrderStatus.Completed => OrderStatus.Completed,
        Ordering.OrderStatus.Rejected => OrderStatus.Rejected,
        Ordering.OrderStatus.Cancelled => OrderStatus.Cancelled,
        _ => OrderStatus.Unspecified,
    };

    /// <summary>Null for UNSPECIFIED or a value this version does not know.</summary>
    public static Ordering.OrderStatus? FromWire(this OrderStatus status) => status switch
    {
        OrderStatus.Pending => Ordering.OrderStatus.Pending,
        OrderStatus.Reserved => Ordering.OrderStatus.Reserved,
        OrderStatus.AwaitingPayment => Ordering.OrderStatus.AwaitingPayment,
        OrderStatus.Paid => Ordering.OrderStatus.Paid,
        OrderStatus.Completed => Ordering.OrderStatus.Completed,
        OrderStatus.Rejected => Ordering.OrderStatus.Rejected,
        OrderStatus.Cancelled => Ordering.OrderStatus.Cancelled,
        _ => null,
    };
}
