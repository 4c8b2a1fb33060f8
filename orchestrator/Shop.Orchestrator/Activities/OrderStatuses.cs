using Shop.Orders.Grpc;

namespace Shop.Orchestrator.Activities;

/// <summary>The order statuses by their wire names, as the workflow records them.</summary>
public static class OrderStatuses
{
    public const string Pending = "PENDING";
    public const string Reserved = "RESERVED";
    public const string AwaitingPayment = "AWAITING_PAYMENT";
    public const string Paid = "PAID";
    public const string Completed = "COMPLETED";
    public const string Rejected = "REJECTED";
    public const string Cancelled = "CANCELLED";

    public static bool IsTerminal(string status) => status is Completed or Rejected or Cancelled;

    public static string From(OrderStatus status) => status switch
    {
        OrderStatus.Pending => Pending,
        OrderStatus.Reserved => Reserved,
        OrderStatus.AwaitingPayment => AwaitingPayment,
        OrderStatus.Paid => Paid,
        OrderStatus.Completed => Completed,
        OrderStatus.Rejected => Rejected,
        OrderStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };

    public static OrderStatus ToMessage(string status) => status switch
    {
        Pending => OrderStatus.Pending,
        Reserved => OrderStatus.Reserved,
        AwaitingPayment => OrderStatus.AwaitingPayment,
        Paid => OrderStatus.Paid,
        Completed => OrderStatus.Completed,
        Rejected => OrderStatus.Rejected,
        Cancelled => OrderStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };
}
