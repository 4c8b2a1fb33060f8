namespace Shop.Orchestration;

/// <summary>
/// The order workflow as its callers address it: orders starts it and signals cancellations,
/// payments signals payments, the worker registers it. One definition, so they cannot drift apart.
/// </summary>
public static class OrderWorkflowContract
{
    /// <summary>The task queue the worker polls and callers start the workflow on.</summary>
    public const string TaskQueue = "shop-orders";

    /// <summary>The registered workflow type name.</summary>
    public const string WorkflowType = "OrderWorkflow";

    /// <summary>Signal carrying a <see cref="PaymentSignal"/>: the payment was settled at ZaloPay.</summary>
    public const string PaymentSignalName = "payment";

    /// <summary>Signal carrying a <see cref="CancelSignal"/>: the customer asked to cancel.</summary>
    public const string CancelSignalName = "cancel";

    /// <summary>Query answering where the workflow is.</summary>
    public const string StatusQueryName = "status";

    /// <summary>One workflow per order: <c>order-&lt;orderId&gt;</c>.</summary>
    public static string WorkflowId(Guid orderId) => $"order-{orderId:D}";
}

/// <summary>The workflow's input: which order it drives; the rest is read through an activity.</summary>
public sealed record OrderWorkflowInput(Guid OrderId);

/// <summary>A payment settled: <paramref name="Status"/> is one of <see cref="PaymentSignalStatus"/>.</summary>
public sealed record PaymentSignal(Guid OrderId, string Status, string? ZpTransId, DateTimeOffset At);

/// <summary>The statuses a <see cref="PaymentSignal"/> carries.</summary>
public static class PaymentSignalStatus
{
    public const string Paid = "PAID";
    public const string Failed = "FAILED";
}

/// <summary>The customer asked to cancel, for <paramref name="Reason"/>.</summary>
public sealed record CancelSignal(string Reason);

/// <summary>
/// What the <see cref="OrderWorkflowContract.StatusQueryName"/> query answers: the workflow's current
/// <paramref name="Step"/> (see the worker's steps), when it stops waiting for the money, and the last
/// error it met (a retried or refused step), if any.
/// </summary>
public sealed record OrderWorkflowStatus(string Step, DateTimeOffset? PaymentDeadline, string? LastError);
