using Shop.Orchestration;
using Shop.Orchestrator.Activities;
using Shop.Orchestrator.Temporal;
using Shop.Orchestrator.Workflows;
using Temporalio.Worker;

namespace Shop.Orchestrator.Tests.Replay;

/// <summary>An order, its histories' common beginnings, and a replay that captures what the workflow did.</summary>
public static class OrderHistories
{
    public static readonly Guid OrderId = Guid.Parse("0b7f3c1e-5a4d-4e59-9a0e-1f7f0c2d9a11");
    public static readonly Guid CustomerId = Guid.Parse("6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    public static readonly Guid ProductId = Guid.Parse("9c8b7a6d-5e4f-4321-8765-43210fedcba9");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static OrderSnapshot Order { get; } = new(
        OrderId, "SO-0001", CustomerId, OrderStatuses.Pending, [new OrderItem(ProductId, "Phin filter", 2)], 150_000m, "VND", false);

    /// <summary>Three reconciliation intervals to the deadline: checks after the first and second.</summary>
    public static PaymentCreated Created { get; } = new("PENDING", "https://sandbox.zalopay.test/pay/1", TimeSpan.FromMinutes(3), Interval);

    public static PaymentSignal Paid => new(OrderId, PaymentSignalStatus.Paid, "zp-1", DateTimeOffset.Parse("2026-12-01T08:05:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public static PaymentSignal Failed => Paid with { Status = PaymentSignalStatus.Failed, ZpTransId = null };

    public static HistoryBuilder Started() => new(OrderWorkflowContract.WorkflowType, new OrderWorkflowInput(OrderId));

    /// <summary>Reserved, payment created, AWAITING_PAYMENT: the workflow now waits.</summary>
    public static HistoryBuilder AwaitingPayment() => Started()
        .Activity("GetOrder", Order)
        .Activity("Reserve", "HELD")
        .Activity("Transition", OrderStatuses.Reserved)
        .Activity("CreatePayment", Created)
        .Activity("Transition", OrderStatuses.AwaitingPayment);

    /// <summary>PAID → commit → COMPLETED, after whatever told the workflow the money arrived.</summary>
    public static Temporalio.Common.WorkflowHistory ThenCompleted(this HistoryBuilder history) => history
        .Activity("Transition", OrderStatuses.Paid)
        .Activity("Commit", "COMMITTED")
        .Activity("Transition", OrderStatuses.Completed)
        .Completed(new OrderOutcome(OrderStatuses.Completed, "Stock committed."));

    /// <summary>Release, CANCELLED, after the payment was cancelled.</summary>
    public static Temporalio.Common.WorkflowHistory ThenReleasedAndCancelled(this HistoryBuilder history, string reason) => history
        .Activity("Release", "RELEASED")
        .Activity("Transition", OrderStatuses.Cancelled)
        .Completed(new OrderOutcome(OrderStatuses.Cancelled, reason));

    public static async Task<CapturingInterceptor> ReplayAsync(Temporalio.Common.WorkflowHistory history)
    {
        var capture = new CapturingInterceptor();
        // With the worker's tracing interceptor, as deployed: it must not change what replay checks.
        var options = new WorkflowReplayerOptions { Interceptors = [capture, new TracingWorkerInterceptor()] }.AddWorkflow<OrderWorkflow>();
        // A malformed history can make replay wait for ever rather than fail.
        await new WorkflowReplayer(options).ReplayWorkflowAsync(history).WaitAsync(TimeSpan.FromSeconds(30));
        return capture;
    }

    public static string[] Types(this CapturingInterceptor capture) => [.. capture.Activities.Select(a => a.Type)];

    public static string[] Transitions(this CapturingInterceptor capture)
        => [.. capture.Activities.Select(a => a.Argument).OfType<TransitionInput>().Select(t => t.To)];

    public static T Argument<T>(this CapturingInterceptor capture) => capture.Activities.Select(a => a.Argument).OfType<T>().Single();
}
