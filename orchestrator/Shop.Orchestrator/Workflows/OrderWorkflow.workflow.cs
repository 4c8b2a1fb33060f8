using Shop.Orchestration;
using Shop.Orchestrator.Activities;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace Shop.Orchestrator.Workflows;

/// <summary>
/// One order from placement to COMPLETED, REJECTED or CANCELLED: reserve stock, create the payment,
/// wait for it (signals, reconciliation, a deadline), then commit or compensate. Deterministic:
/// everything that touches the world is an activity, and the worker's timing comes from one.
/// </summary>
[Workflow(OrderWorkflowContract.WorkflowType)]
public sealed class OrderWorkflow
{
    public const string TaskQueue = OrderWorkflowContract.TaskQueue;

    // Steps that must happen: retried with backoff until they do; only business refusals stop them.
    private static readonly ActivityOptions Step = new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(1),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromMinutes(1),
        },
    };

    // Status checks while waiting: a few tries, then the wait goes on (the next check or a signal will tell).
    private static readonly ActivityOptions Check = new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromSeconds(1), BackoffCoefficient = 2, MaximumAttempts = 3 },
    };

    private readonly List<Func<Task>> _compensations = [];
    private Guid _orderId;
    private PaymentSignal? _payment;
    private CancelSignal? _cancel;
    private bool _paid;
    private string _step = OrderSteps.Started;
    private DateTimeOffset? _paymentDeadline;
    private string? _lastError;

    [WorkflowRun]
    public async Task<OrderOutcome> RunAsync(OrderWorkflowInput input)
    {
        _orderId = input.OrderId;
        var order = await Workflow.ExecuteActivityAsync((OrderActivities a) => a.GetOrderAsync(_orderId), Step);
        if (OrderStatuses.IsTerminal(order.Status))
        {
            _step = order.Status;
            return new OrderOutcome(order.Status, "The order had already ended.");
        }

        if (order.CancelRequested || _cancel is not null)
        {
            return await EndAsync(OrderStatuses.Cancelled, CancelReason(_cancel ?? new CancelSignal("Cancelled before processing started.")));
        }

        _step = OrderSteps.Reserving;
        // Registered before the step: a reservation that timed out may still have been made.
        _compensations.Add(ReleaseAsync);
        try
        {
            await Workflow.ExecuteActivityAsync((InventoryActivities a) => a.ReserveAsync(new ReserveInput(_orderId, order.Lines)), Step);
        }
        catch (ActivityFailureException failure) when (Refusal(failure) is { } refusal)
        {
            // A refused reservation holds nothing: there is nothing to release.
            _compensations.Clear();
            return await EndAsync(OrderStatuses.Rejected, $"Stock could not be reserved: {refusal.Message}");
        }

        await TransitionAsync(OrderStatuses.Reserved, "Stock reserved.");

        _step = OrderSteps.CreatingPayment;
        PaymentCreated created;
        try
        {
            created = await Workflow.ExecuteActivityAsync(
                (PaymentActivities a) => a.CreatePaymentAsync(new CreatePaymentInput(
                    _orderId, order.Code, order.CustomerId, order.Total, order.Currency, $"Shop order {order.Code}")),
                Step);
        }
        catch (ActivityFailureException failure) when (Refusal(failure) is { } refusal)
        {
            await CompensateAsync();
            return await EndAsync(OrderStatuses.Cancelled, $"The payment could not be created: {refusal.Message}");
        }

        await TransitionAsync(OrderStatuses.AwaitingPayment, "Waiting for the ZaloPay payment.");
        var settlement = await WaitForPaymentAsync(created);
        if (settlement.Paid)
        {
            return await PaidAsync();
        }

        _step = OrderSteps.CancellingPayment;
        try
        {
            await Workflow.ExecuteActivityAsync(
                (PaymentActivities a) => a.CancelPaymentAsync(new CancelPaymentInput(_orderId, settlement.Reason, settlement.Expired)), Step);
        }
        catch (ActivityFailureException failure) when (Refusal(failure) is { ErrorType: PaymentPaid })
        {
            // The money arrived while the order was being given up: it is an order after all.
            return await PaidAsync();
        }
        catch (ActivityFailureException failure) when (Refusal(failure) is { } refusal)
        {
            _lastError = $"{refusal.ErrorType}: {refusal.Message}";
        }

        await CompensateAsync();
        return await EndAsync(OrderStatuses.Cancelled, settlement.Reason);
    }

    [WorkflowSignal(OrderWorkflowContract.PaymentSignalName)]
    public Task PaymentAsync(PaymentSignal signal)
    {
        // Duplicates and strays are harmless: money (PAID) wins over an earlier failure.
        if (signal.OrderId == _orderId && (_payment is null || signal.Status == PaymentSignalStatus.Paid))
        {
            _payment = signal;
        }

        return Task.CompletedTask;
    }

    [WorkflowSignal(OrderWorkflowContract.CancelSignalName)]
    public Task CancelAsync(CancelSignal signal)
    {
        // Once paid, an order is no longer the customer's to cancel (orders refuses it too).
        if (!_paid)
        {
            _cancel ??= signal;
        }

        return Task.CompletedTask;
    }

    [WorkflowQuery(OrderWorkflowContract.StatusQueryName)]
    public OrderWorkflowStatus GetStatus() => new(_step, _paymentDeadline, _lastError);

    private async Task<Settlement> WaitForPaymentAsync(PaymentCreated created)
    {
        _step = OrderSteps.AwaitingPayment;
        _paymentDeadline = Workflow.UtcNow + created.PaymentDeadline;
        // Time left is counted from the timers, not read from the clock: the same on every replay.
        var left = created.PaymentDeadline;
        while (Decided() is null && left > TimeSpan.Zero)
        {
            var wait = left < created.ReconcileInterval ? left : created.ReconcileInterval;
            if (await Workflow.WaitConditionAsync(() => Decided() is not null, wait))
            {
                break;
            }

            left -= wait;
            if (left > TimeSpan.Zero && await QueryPaymentAsync() is { } state && FromQuery(state) is { } found)
            {
                return found;
            }
        }

        if (Decided() is { } decided)
        {
            return decided;
        }

        // The deadline passed: a callback may have been lost, so ask once more before giving up.
        _step = OrderSteps.CheckingPayment;
        var last = await QueryPaymentAsync();
        return last?.Status == PaymentSignalStatus.Paid
            ? Settlement.Money
            : new Settlement(false, "The payment deadline passed.", Expired: true);
    }

    private Settlement? Decided()
    {
        if (_payment?.Status == PaymentSignalStatus.Paid)
        {
            return Settlement.Money;
        }

        if (_payment is not null)
        {
            return new Settlement(false, "The payment failed.", Expired: false);
        }

        return _cancel is null ? null : new Settlement(false, CancelReason(_cancel), Expired: false);
    }

    private static Settlement? FromQuery(PaymentState state) => state.Status switch
    {
        PaymentSignalStatus.Paid => Settlement.Money,
        PaymentSignalStatus.Failed => new Settlement(false, "The payment failed.", Expired: false),
        _ => null,
    };

    private async Task<PaymentState?> QueryPaymentAsync()
    {
        try
        {
            return await Workflow.ExecuteActivityAsync((PaymentActivities a) => a.QueryPaymentAsync(_orderId), Check);
        }
        catch (ActivityFailureException failure)
        {
            _lastError = $"QueryPayment: {failure.InnerException?.Message ?? failure.Message}";
            return null;
        }
    }

    private async Task<OrderOutcome> PaidAsync()
    {
        _paid = true;
        await TransitionAsync(OrderStatuses.Paid, "Payment received.");
        _step = OrderSteps.Committing;
        try
        {
            await Workflow.ExecuteActivityAsync((InventoryActivities a) => a.CommitAsync(_orderId), Step);
        }
        catch (ActivityFailureException failure) when (Refusal(failure) is { } refusal)
        {
            // Never a paid order without stock: give the money back.
            var reason = $"The stock was no longer held ({refusal.ErrorType}); the payment is refunded.";
            _step = OrderSteps.Refunding;
            try
            {
                await Workflow.ExecuteActivityAsync((PaymentActivities a) => a.RefundPaymentAsync(new RefundPaymentInput(_orderId, reason)), Step);
            }
            catch (ActivityFailureException refundFailure) when (Refusal(refundFailure) is { } refundRefusal)
            {
                // PAYMENT_NOT_PAID: there is no money to give back; the order still cannot be fulfilled.
                _lastError = $"{refundRefusal.ErrorType}: {refundRefusal.Message}";
            }

            return await EndAsync(OrderStatuses.Cancelled, reason);
        }

        _compensations.Clear();
        return await EndAsync(OrderStatuses.Completed, "Stock committed.");
    }

    private async Task CompensateAsync()
    {
        _step = OrderSteps.Releasing;
        for (var i = _compensations.Count - 1; i >= 0; i--)
        {
            await _compensations[i]();
        }

        _compensations.Clear();
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await Workflow.ExecuteActivityAsync((InventoryActivities a) => a.ReleaseAsync(_orderId), Step);
        }
        catch (ActivityFailureException failure) when (Refusal(failure) is { } refusal)
        {
            // Nothing held (never reserved, or already released): nothing to undo.
            _lastError = $"{refusal.ErrorType}: {refusal.Message}";
        }
    }

    private async Task<OrderOutcome> EndAsync(string status, string reason)
    {
        await TransitionAsync(status, reason);
        _step = status;
        return new OrderOutcome(status, reason);
    }

    private Task TransitionAsync(string to, string reason)
        => Workflow.ExecuteActivityAsync((OrderActivities a) => a.TransitionAsync(new TransitionInput(_orderId, to, reason)), Step);

    private static string CancelReason(CancelSignal signal)
        => string.IsNullOrWhiteSpace(signal.Reason) ? "Cancelled by the customer." : $"Cancelled by the customer: {signal.Reason}";

    private static ApplicationFailureException? Refusal(ActivityFailureException failure)
        => failure.InnerException is ApplicationFailureException { NonRetryable: true } refusal ? refusal : null;

    private const string PaymentPaid = "PAYMENT_PAID";

    private sealed record Settlement(bool Paid, string Reason, bool Expired)
    {
        public static readonly Settlement Money = new(true, "Payment received.", false);
    }
}
