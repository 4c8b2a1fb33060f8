using Shop.Orchestration;
using Shop.Orchestrator.Activities;
using Shop.Orchestrator.Workflows;
using Temporalio.Exceptions;
using static Shop.Orchestrator.Tests.Replay.OrderHistories;

namespace Shop.Orchestrator.Tests.Replay;

/// <summary>
/// Every path of the order workflow, replayed offline from histories written here: replay checks
/// the commands (activity types, timers) against the history; the interceptor adds the arguments,
/// the timers' durations and the result.
/// </summary>
public sealed class OrderWorkflowReplayTests
{
    private static readonly string[] WaitingSteps = ["GetOrder", "Reserve", "Transition", "CreatePayment", "Transition"];
    private static readonly string[] PaidSteps = ["Transition", "Commit", "Transition"];
    private static readonly string[] Completed =
        [OrderStatuses.Reserved, OrderStatuses.AwaitingPayment, OrderStatuses.Paid, OrderStatuses.Completed];

    private static readonly string[] Cancelled = [OrderStatuses.Reserved, OrderStatuses.AwaitingPayment, OrderStatuses.Cancelled];

    [Fact]
    public async Task Run_PaidByCallback_CommitsAndCompletes()
    {
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.PaymentSignalName, Paid))
            .ThenCompleted();

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, .. PaidSteps], run.Types());
        Assert.Equal(Completed, run.Transitions());
        Assert.Equal([Interval], run.Timers);
        Assert.Equal(new ReserveInput(OrderId, Order.Lines), run.Argument<ReserveInput>() with { Lines = Order.Lines });
        Assert.Equal([new OrderItem(ProductId, "Phin filter", 2)], run.Argument<ReserveInput>().Lines);
        var payment = run.Argument<CreatePaymentInput>();
        Assert.Equal((OrderId, "SO-0001", CustomerId, 150_000m, "VND"), (payment.OrderId, payment.OrderCode, payment.CustomerId, payment.Amount, payment.Currency));
        Assert.Equal(OrderId, run.Activities.Single(a => a.Type == "Commit").Argument);
        Assert.Equal(new OrderOutcome(OrderStatuses.Completed, "Stock committed."), run.Result);
    }

    [Fact]
    public async Task Run_ReserveRefused_RejectsWithTheShortages()
    {
        const string Refusal = "Not enough stock. Short (product:available): 9c8b7a6d-5e4f-4321-8765-43210fedcba9:1.";
        var reason = $"Stock could not be reserved: {Refusal}";
        var history = Started()
            .Activity("GetOrder", Order)
            .ActivityRefused("Reserve", "INSUFFICIENT_STOCK", Refusal)
            .Activity("Transition", OrderStatuses.Rejected)
            .Completed(new OrderOutcome(OrderStatuses.Rejected, reason));

        var run = await ReplayAsync(history);

        Assert.Equal(["GetOrder", "Reserve", "Transition"], run.Types());
        Assert.Equal(new TransitionInput(OrderId, OrderStatuses.Rejected, reason), run.Argument<TransitionInput>());
        Assert.Empty(run.Timers);
        Assert.Equal(new OrderOutcome(OrderStatuses.Rejected, reason), run.Result);
    }

    [Fact]
    public async Task Run_CallbackLost_ReconciliationFindsTheMoney()
    {
        var history = AwaitingPayment()
            .TimerFired(Interval)
            .Activity("QueryPayment", new PaymentState("PAID", "zp-1"))
            .ThenCompleted();

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, "QueryPayment", .. PaidSteps], run.Types());
        Assert.Equal(Completed, run.Transitions());
        Assert.Equal([Interval], run.Timers);
        Assert.Equal(new OrderOutcome(OrderStatuses.Completed, "Stock committed."), run.Result);
    }

    [Fact]
    public async Task Run_DeadlineWithoutMoney_ReconcilesThenExpiresReleasesAndCancels()
    {
        const string Reason = "The payment deadline passed.";
        var history = AwaitingPayment()
            .TimerFired(Interval)
            .Activity("QueryPayment", new PaymentState("PENDING", null))
            .TimerFired(Interval)
            .Activity("QueryPayment", new PaymentState("PENDING", null))
            .TimerFired(Interval)
            .Activity("QueryPayment", new PaymentState("PENDING", null))
            .Activity("CancelPayment", new PaymentState("EXPIRED", null))
            .ThenReleasedAndCancelled(Reason);

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, "QueryPayment", "QueryPayment", "QueryPayment", "CancelPayment", "Release", "Transition"], run.Types());
        Assert.Equal([Interval, Interval, Interval], run.Timers);
        Assert.Equal(new CancelPaymentInput(OrderId, Reason, Expired: true), run.Argument<CancelPaymentInput>());
        Assert.Equal(Cancelled, run.Transitions());
        Assert.Equal(new OrderOutcome(OrderStatuses.Cancelled, Reason), run.Result);
    }

    [Fact]
    public async Task Run_DeadlineWhereTheLastQueryFindsMoney_TakesThePaidPath()
    {
        var history = AwaitingPayment()
            .TimerFired(Interval)
            .Activity("QueryPayment", new PaymentState("PENDING", null))
            .TimerFired(Interval)
            .Activity("QueryPayment", new PaymentState("PENDING", null))
            .TimerFired(Interval)
            .Activity("QueryPayment", new PaymentState("PAID", "zp-1"))
            .ThenCompleted();

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, "QueryPayment", "QueryPayment", "QueryPayment", .. PaidSteps], run.Types());
        Assert.DoesNotContain(run.Activities, a => a.Type == "CancelPayment");
        Assert.Equal(Completed, run.Transitions());
        Assert.Equal(new OrderOutcome(OrderStatuses.Completed, "Stock committed."), run.Result);
    }

    [Fact]
    public async Task Run_CustomerCancelsWhileAwaitingPayment_CancelsPaymentReleasesAndCancels()
    {
        const string Reason = "Cancelled by the customer: changed my mind";
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.CancelSignalName, new CancelSignal("changed my mind")))
            .Activity("CancelPayment", new PaymentState("CANCELLED", null))
            .ThenReleasedAndCancelled(Reason);

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, "CancelPayment", "Release", "Transition"], run.Types());
        Assert.Equal(new CancelPaymentInput(OrderId, Reason, Expired: false), run.Argument<CancelPaymentInput>());
        Assert.Equal(Cancelled, run.Transitions());
        Assert.Equal(new OrderOutcome(OrderStatuses.Cancelled, Reason), run.Result);
    }

    [Fact]
    public async Task Run_CancelRacingWithPayment_TheMoneyWins()
    {
        var history = AwaitingPayment()
            .SignalsDuringTimer(
                Interval,
                (OrderWorkflowContract.CancelSignalName, new CancelSignal("too slow")),
                (OrderWorkflowContract.PaymentSignalName, Paid))
            .ThenCompleted();

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, .. PaidSteps], run.Types());
        Assert.Equal(new OrderOutcome(OrderStatuses.Completed, "Stock committed."), run.Result);
    }

    [Fact]
    public async Task Run_CancelFindsThePaymentPaid_TakesThePaidPath()
    {
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.CancelSignalName, new CancelSignal("changed my mind")))
            .ActivityRefused("CancelPayment", "PAYMENT_PAID", "The payment was paid.")
            .ThenCompleted();

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, "CancelPayment", .. PaidSteps], run.Types());
        Assert.DoesNotContain(run.Activities, a => a.Type == "Release");
        Assert.Equal(Completed, run.Transitions());
        Assert.Equal(new OrderOutcome(OrderStatuses.Completed, "Stock committed."), run.Result);
    }

    [Fact]
    public async Task Run_PaymentFailed_CancelsPaymentReleasesAndCancels()
    {
        const string Reason = "The payment failed.";
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.PaymentSignalName, Failed))
            .Activity("CancelPayment", new PaymentState("FAILED", null))
            .ThenReleasedAndCancelled(Reason);

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, "CancelPayment", "Release", "Transition"], run.Types());
        Assert.Equal(new CancelPaymentInput(OrderId, Reason, Expired: false), run.Argument<CancelPaymentInput>());
        Assert.Equal(OrderId, run.Activities.Single(a => a.Type == "Release").Argument);
        Assert.Equal(new OrderOutcome(OrderStatuses.Cancelled, Reason), run.Result);
    }

    [Fact]
    public async Task Run_CommitRefused_RefundsAndCancels()
    {
        const string Reason = "The stock was no longer held (RESERVATION_RELEASED); the payment is refunded.";
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.PaymentSignalName, Paid))
            .Activity("Transition", OrderStatuses.Paid)
            .ActivityRefused("Commit", "RESERVATION_RELEASED", "The reservation was released.")
            .Activity("RefundPayment", new PaymentState("REFUND_PENDING", "zp-1"))
            .Activity("Transition", OrderStatuses.Cancelled)
            .Completed(new OrderOutcome(OrderStatuses.Cancelled, Reason));

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, "Transition", "Commit", "RefundPayment", "Transition"], run.Types());
        Assert.Equal(new RefundPaymentInput(OrderId, Reason), run.Argument<RefundPaymentInput>());
        Assert.Equal([OrderStatuses.Reserved, OrderStatuses.AwaitingPayment, OrderStatuses.Paid, OrderStatuses.Cancelled], run.Transitions());
        Assert.Equal(new OrderOutcome(OrderStatuses.Cancelled, Reason), run.Result);
    }

    [Fact]
    public async Task Run_StrayAndDuplicateSignals_ChangeNothing()
    {
        var otherOrder = Paid with { OrderId = Guid.Parse("11111111-2222-4333-8444-555555555555") };
        var history = AwaitingPayment()
            .TimerStarted(Interval)
            .Signals((OrderWorkflowContract.PaymentSignalName, otherOrder))
            .PendingTimerFired()
            .Activity("QueryPayment", new PaymentState("PENDING", null))
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.PaymentSignalName, Paid), (OrderWorkflowContract.PaymentSignalName, Paid))
            .ThenCompleted();

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, "QueryPayment", .. PaidSteps], run.Types());
        Assert.Equal([Interval, Interval], run.Timers);
        Assert.Equal(Completed, run.Transitions());
        Assert.Equal(new OrderOutcome(OrderStatuses.Completed, "Stock committed."), run.Result);
    }

    [Fact]
    public async Task Run_CancelAfterPaid_IsIgnored()
    {
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.PaymentSignalName, Paid))
            .Activity("Transition", OrderStatuses.Paid)
            .ActivityWithSignals("Commit", "COMMITTED", (OrderWorkflowContract.CancelSignalName, new CancelSignal("too late")))
            .Activity("Transition", OrderStatuses.Completed)
            .Completed(new OrderOutcome(OrderStatuses.Completed, "Stock committed."));

        var run = await ReplayAsync(history);

        Assert.Equal([.. WaitingSteps, .. PaidSteps], run.Types());
        Assert.Equal(new OrderOutcome(OrderStatuses.Completed, "Stock committed."), run.Result);
    }

    [Fact]
    public async Task Run_CancelledBeforeProcessing_CancelsWithoutReserving()
    {
        const string Reason = "Cancelled by the customer: Cancelled before processing started.";
        var history = Started()
            .Activity("GetOrder", Order with { CancelRequested = true })
            .Activity("Transition", OrderStatuses.Cancelled)
            .Completed(new OrderOutcome(OrderStatuses.Cancelled, Reason));

        var run = await ReplayAsync(history);

        Assert.Equal(["GetOrder", "Transition"], run.Types());
        Assert.Equal(new OrderOutcome(OrderStatuses.Cancelled, Reason), run.Result);
    }

    [Fact]
    public async Task Run_PaymentRefusedAtCreation_ReleasesAndCancels()
    {
        const string Reason = "The payment could not be created: Another amount.";
        var history = Started()
            .Activity("GetOrder", Order)
            .Activity("Reserve", "HELD")
            .Activity("Transition", OrderStatuses.Reserved)
            .ActivityRefused("CreatePayment", "PAYMENT_CONFLICT", "Another amount.")
            .Activity("Release", "RELEASED")
            .Activity("Transition", OrderStatuses.Cancelled)
            .Completed(new OrderOutcome(OrderStatuses.Cancelled, Reason));

        var run = await ReplayAsync(history);

        Assert.Equal(["GetOrder", "Reserve", "Transition", "CreatePayment", "Release", "Transition"], run.Types());
        Assert.Equal([OrderStatuses.Reserved, OrderStatuses.Cancelled], run.Transitions());
        Assert.Equal(new OrderOutcome(OrderStatuses.Cancelled, Reason), run.Result);
    }

    [Fact]
    public async Task History_JsonRoundTrip_ReplaysTheSame()
    {
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.PaymentSignalName, Paid))
            .ThenCompleted();

        var run = await ReplayAsync(Temporalio.Common.WorkflowHistory.FromJson(history.Id, history.ToJson()));

        Assert.Equal([.. WaitingSteps, .. PaidSteps], run.Types());
        Assert.Equal(new OrderOutcome(OrderStatuses.Completed, "Stock committed."), run.Result);
    }

    [Fact]
    public async Task Run_HistoryNamingAnotherActivity_FailsReplay()
    {
        // The same happy path, except that the history says Release where the workflow commits.
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.PaymentSignalName, Paid))
            .Activity("Transition", OrderStatuses.Paid)
            .Activity("Release", "RELEASED")
            .Activity("Transition", OrderStatuses.Completed)
            .Completed(new OrderOutcome(OrderStatuses.Completed, "Stock committed."));

        var failure = await Assert.ThrowsAsync<WorkflowNondeterminismException>(() => ReplayAsync(history));

        Assert.Contains("'Release' does not match activity type of activity command 'Commit'", failure.Message, StringComparison.Ordinal);
    }
}
