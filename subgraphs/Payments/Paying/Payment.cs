namespace Shop.Payments.Paying;

/// <summary>
/// The payment of one order (keyed by the order id), its ZaloPay attempts, its refunds and its
/// history. Changes go through its methods, which apply <see cref="PaymentLifecycle"/>;
/// <see cref="Version"/> lets storage refuse concurrent writers.
/// </summary>
public sealed class Payment
{
    private readonly List<PaymentAttempt> _attempts;
    private readonly List<PaymentRefund> _refunds;
    private readonly List<PaymentStatusChange> _history;

    public Payment(
        Guid orderId,
        string orderCode,
        Guid customerId,
        decimal amount,
        string description,
        PaymentStatus status,
        IEnumerable<PaymentAttempt> attempts,
        IEnumerable<PaymentRefund> refunds,
        IEnumerable<PaymentStatusChange> history,
        string? zpTransId,
        DateTimeOffset? paidAt,
        bool notifyPending,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        long version)
    {
        OrderId = orderId;
        OrderCode = orderCode;
        CustomerId = customerId;
        Amount = amount;
        Description = description;
        Status = status;
        _attempts = [.. attempts];
        _refunds = [.. refunds];
        _history = [.. history];
        ZpTransId = zpTransId;
        PaidAt = paidAt;
        NotifyPending = notifyPending;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        Version = version;
    }

    public Guid OrderId { get; }

    public string OrderCode { get; }

    /// <summary>Whose payment it is: the order's customer, who (with admins) may see it.</summary>
    public Guid CustomerId { get; }

    /// <summary>Whole VND: ZaloPay takes an integer amount.</summary>
    public decimal Amount { get; }

    public string Description { get; }

    public PaymentStatus Status { get; private set; }

    public IReadOnlyList<PaymentAttempt> Attempts => _attempts;

    /// <summary>The newest attempt: the one a customer pays.</summary>
    public PaymentAttempt CurrentAttempt => _attempts[^1];

    public IReadOnlyList<PaymentRefund> Refunds => _refunds;

    public IReadOnlyList<PaymentStatusChange> History => _history;

    /// <summary>ZaloPay's transaction id of the money that paid this payment.</summary>
    public string? ZpTransId { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>When the customer can no longer pay the current attempt.</summary>
    public DateTimeOffset? ExpiresAt => CurrentAttempt.ExpiresAt;

    /// <summary>
    /// Stored with the PAID status in one write: the order's workflow has not yet heard of it. The
    /// notifier clears it once the workflow accepted; until then the janitor redelivers.
    /// </summary>
    public bool NotifyPending { get; private set; }

    /// <summary>Some refund still waits for ZaloPay's confirmation.</summary>
    public bool RefundsPending => _refunds.Any(r => r.State == RefundState.Pending);

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public static Payment Open(
        Guid orderId, string orderCode, Guid customerId, decimal amount, string description, PaymentAttempt firstAttempt, DateTimeOffset at)
        => new(
            orderId,
            orderCode,
            customerId,
            amount,
            description,
            PaymentStatus.Pending,
            [firstAttempt],
            [],
            [new PaymentStatusChange(null, PaymentStatus.Pending, "Payment created", at)],
            zpTransId: null,
            paidAt: null,
            notifyPending: false,
            at,
            at,
            version: 1);

    public PaymentAttempt? FindAttempt(string appTransId) => _attempts.Find(a => a.AppTransId == appTransId);

    /// <summary>Replaces the attempt with the same app_trans_id.</summary>
    public void UpdateAttempt(PaymentAttempt attempt, DateTimeOffset at)
    {
        var index = _attempts.FindIndex(a => a.AppTransId == attempt.AppTransId);
        if (index < 0)
        {
            throw new InvalidOperationException($"Payment {OrderId} has no attempt {attempt.AppTransId}.");
        }

        _attempts[index] = attempt;
        Touch(at);
    }

    public void AddAttempt(PaymentAttempt attempt, DateTimeOffset at)
    {
        _attempts.Add(attempt);
        Touch(at);
    }

    /// <summary>Moves the payment to <paramref name="to"/>; the caller has checked the move is legal.</summary>
    public void MoveTo(PaymentStatus to, string reason, DateTimeOffset at)
    {
        if (!PaymentLifecycle.CanMove(Status, to))
        {
            throw new InvalidOperationException($"A payment cannot move from {Status} to {to}.");
        }

        _history.Add(new PaymentStatusChange(Status, to, reason, at));
        Status = to;
        Touch(at);
    }

    /// <summary>
    /// Money arrived at ZaloPay for one of this payment's attempts. A PENDING payment becomes PAID
    /// (and its workflow is to be told); money for a payment that was given up, or a second payment
    /// of one already paid, goes back through a refund. Money already known changes nothing.
    /// </summary>
    public MoneyOutcome ReceiveMoney(string zpTransId, DateTimeOffset at, Func<string> newRefundId)
    {
        if (ZpTransId == zpTransId || _refunds.Any(r => r.ZpTransId == zpTransId))
        {
            return MoneyOutcome.AlreadyKnown;
        }

        if (Status == PaymentStatus.Pending)
        {
            ZpTransId = zpTransId;
            PaidAt = at;
            NotifyPending = true;
            MoveTo(PaymentStatus.Paid, "Paid at ZaloPay", at);
            return MoneyOutcome.Paid;
        }

        if (PaymentLifecycle.GivenUp(Status))
        {
            var reason = $"Paid after the payment was {Status.ToString().ToUpperInvariant()}: the money goes back";
            ZpTransId = zpTransId;
            PaidAt = at;
            _refunds.Add(new PaymentRefund(newRefundId(), zpTransId, Amount, reason, RefundState.Pending, at));
            MoveTo(PaymentStatus.RefundPending, reason, at);
            return MoneyOutcome.Refunding;
        }

        // Paid twice (two attempts both paid): the order is paid once; the second payment goes back.
        _refunds.Add(new PaymentRefund(newRefundId(), zpTransId, Amount, "A second payment of an order already paid", RefundState.Pending, at));
        Touch(at);
        return MoneyOutcome.Refunding;
    }

    /// <summary>Gives the paid money back; false when that is already under way or done.</summary>
    public bool RequestRefund(string reason, string mRefundId, DateTimeOffset at)
    {
        if (Status is PaymentStatus.RefundPending or PaymentStatus.Refunded)
        {
            return false;
        }

        if (Status != PaymentStatus.Paid || ZpTransId is null)
        {
            throw new InvalidOperationException($"Payment {OrderId} is {Status}: there is no money to refund.");
        }

        _refunds.Add(new PaymentRefund(mRefundId, ZpTransId, Amount, reason, RefundState.Pending, at));
        MoveTo(PaymentStatus.RefundPending, reason, at);
        return true;
    }

    public void UpdateRefund(PaymentRefund refund, DateTimeOffset at)
    {
        var index = _refunds.FindIndex(r => r.MRefundId == refund.MRefundId);
        if (index < 0)
        {
            throw new InvalidOperationException($"Payment {OrderId} has no refund {refund.MRefundId}.");
        }

        _refunds[index] = refund;
        Touch(at);
        // The payment is REFUNDED once its own money is back; extra money coming back changes nothing.
        if (Status == PaymentStatus.RefundPending && refund.State == RefundState.Succeeded && refund.ZpTransId == ZpTransId)
        {
            MoveTo(PaymentStatus.Refunded, "ZaloPay refunded the money", at);
        }
    }

    /// <summary>A failed refund is retried under a new m_refund_id: the failed one stays as history.</summary>
    public void AddRefund(PaymentRefund refund, DateTimeOffset at)
    {
        _refunds.Add(refund);
        Touch(at);
    }

    /// <summary>The order's workflow accepted the news.</summary>
    public void MarkNotified(DateTimeOffset at)
    {
        NotifyPending = false;
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }
}

public enum MoneyOutcome
{
    /// <summary>The payment is now PAID.</summary>
    Paid = 1,

    /// <summary>Money already recorded (a repeated callback, or the query found what the callback told).</summary>
    AlreadyKnown = 2,

    /// <summary>The money is not wanted and goes back through a refund.</summary>
    Refunding = 3,
}
