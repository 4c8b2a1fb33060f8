using Microsoft.Extensions.Options;
using Shop.Payments.Grpc;
using Temporalio.Activities;

namespace Shop.Orchestrator.Activities;

/// <summary>The order's ZaloPay payment through payments, which keeps one payment per order id.</summary>
public sealed class PaymentActivities(PaymentsService.PaymentsServiceClient payments, IOptions<OrchestratorOptions> options)
{
    [Activity("CreatePayment")]
    public async Task<PaymentCreated> CreatePaymentAsync(CreatePaymentInput input)
    {
        var request = new CreatePaymentRequest
        {
            OrderId = input.OrderId.ToString(),
            OrderCode = input.OrderCode,
            CustomerId = input.CustomerId.ToString(),
            Amount = input.Amount.ToMoney(input.Currency),
            Description = input.Description,
        };
        var payment = await GrpcFailures.CallAsync(() => payments.CreatePaymentAsync(request, deadline: Deadline, cancellationToken: Token).ResponseAsync);
        return new PaymentCreated(Status(payment.Status), payment.OrderUrl, options.Value.PaymentDeadline, options.Value.ReconcileInterval);
    }

    [Activity("QueryPayment")]
    public async Task<PaymentState> QueryPaymentAsync(Guid orderId)
    {
        var payment = await GrpcFailures.CallAsync(() => payments.QueryPaymentAsync(
            new QueryPaymentRequest { OrderId = orderId.ToString() }, deadline: Deadline, cancellationToken: Token).ResponseAsync);
        return State(payment);
    }

    /// <summary>A payment found paid is refused with the error type PAYMENT_PAID: the workflow takes the paid path.</summary>
    [Activity("CancelPayment")]
    public async Task<PaymentState> CancelPaymentAsync(CancelPaymentInput input)
    {
        var payment = await GrpcFailures.CallAsync(() => payments.CancelPaymentAsync(
            new CancelPaymentRequest { OrderId = input.OrderId.ToString(), Reason = input.Reason, Expired = input.Expired },
            deadline: Deadline,
            cancellationToken: Token).ResponseAsync);
        return State(payment);
    }

    [Activity("RefundPayment")]
    public async Task<PaymentState> RefundPaymentAsync(RefundPaymentInput input)
    {
        var payment = await GrpcFailures.CallAsync(() => payments.RefundPaymentAsync(
            new RefundPaymentRequest { OrderId = input.OrderId.ToString(), Reason = input.Reason },
            deadline: Deadline,
            cancellationToken: Token).ResponseAsync);
        return State(payment);
    }

    /// <summary>PAYMENT_STATUS_REFUND_PENDING → REFUND_PENDING, the names payments' signal uses.</summary>
    public static string Status(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "PENDING",
        PaymentStatus.Paid => "PAID",
        PaymentStatus.Failed => "FAILED",
        PaymentStatus.Cancelled => "CANCELLED",
        PaymentStatus.Expired => "EXPIRED",
        PaymentStatus.RefundPending => "REFUND_PENDING",
        PaymentStatus.Refunded => "REFUNDED",
        _ => "UNSPECIFIED",
    };

    private static PaymentState State(Payment payment)
        => new(Status(payment.Status), string.IsNullOrEmpty(payment.ZpTransId) ? null : payment.ZpTransId);

    private DateTime Deadline => DateTime.UtcNow.Add(options.Value.CallDeadline);

    private static CancellationToken Token => ActivityExecutionContext.Current.CancellationToken;
}
