using WireStatus = Shop.Orders.Grpc.OrderStatus;

namespace Shop.Orders.Grpc;

internal static class OrderStatusMapping
{
    public static WireStatus ToWire(this Ordering.OrderStatus status) => status switch
    {
        Ordering.OrderStatus.Pending => WireStatus.Pending,
        Ordering.OrderStatus.Reserved => WireStatus.Reserved,
        Ordering.OrderStatus.AwaitingPayment => WireStatus.AwaitingPayment,
        Ordering.OrderStatus.Paid => WireStatus.Paid,
        Ordering.OrderStatus.Completed => WireStatus.Completed,
        Ordering.OrderStatus.Rejected => WireStatus.Rejected,
        Ordering.OrderStatus.Cancelled => WireStatus.Cancelled,
        _ => WireStatus.Unspecified,
    };

    /// <summary>Null for UNSPECIFIED or a value this version does not know.</summary>
    public static Ordering.OrderStatus? FromWire(this WireStatus status) => status switch
    {
        WireStatus.Pending => Ordering.OrderStatus.Pending,
        WireStatus.Reserved => Ordering.OrderStatus.Reserved,
        WireStatus.AwaitingPayment => Ordering.OrderStatus.AwaitingPayment,
        WireStatus.Paid => Ordering.OrderStatus.Paid,
        WireStatus.Completed => Ordering.OrderStatus.Completed,
        WireStatus.Rejected => Ordering.OrderStatus.Rejected,
        WireStatus.Cancelled => Ordering.OrderStatus.Cancelled,
        _ => null,
    };
}
