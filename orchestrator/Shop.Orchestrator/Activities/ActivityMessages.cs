namespace Shop.Orchestrator.Activities;

// What the workflow and its activities exchange. Recorded in every history: fields may be added,
// never renamed or removed, or running workflows stop replaying.

/// <summary>The order as the workflow needs it; <paramref name="Status"/> is one of <c>OrderStatuses</c>.</summary>
public sealed record OrderSnapshot(
    Guid OrderId, string Code, Guid CustomerId, string Status, IReadOnlyList<OrderItem> Lines, decimal Total, string Currency, bool CancelRequested);

public sealed record OrderItem(Guid ProductId, string Name, int Quantity);

public sealed record TransitionInput(Guid OrderId, string To, string Reason);

public sealed record ReserveInput(Guid OrderId, IReadOnlyList<OrderItem> Lines);

public sealed record CreatePaymentInput(Guid OrderId, string OrderCode, Guid CustomerId, decimal Amount, string Currency, string Description);

/// <summary>
/// A payment to wait for, with the worker's timing: recorded in the history, so a replay (or a
/// worker started with other settings) waits exactly as the run did.
/// </summary>
public sealed record PaymentCreated(string Status, string OrderUrl, TimeSpan PaymentDeadline, TimeSpan ReconcileInterval);

/// <summary>A payment's status as payments names it without its prefix: PENDING, PAID, FAILED, EXPIRED...</summary>
public sealed record PaymentState(string Status, string? ZpTransId);

public sealed record CancelPaymentInput(Guid OrderId, string Reason, bool Expired);

public sealed record RefundPaymentInput(Guid OrderId, string Reason);
