using Grpc.Core;
using Microsoft.Extensions.Options;
using Shop.Payments.Paying;
using Shop.Payments.ZaloPay;
using Shop.ServiceDefaults;
using Shop.Domain;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Payments.Grpc;

/// <summary>Order processing's view of payments: create, reconcile, cancel, refund; thin over the domain.</summary>
/// <remarks>Callers: the orchestrator only; payments move with the order saga.</remarks>
[AllowedCallers(ShopServices.Orchestrator)]
public sealed class PaymentsGrpcService(
    PaymentCreation creation,
    PaymentReconciliation reconciliation,
    PaymentCancellation cancellation,
    PaymentRefunding refunds,
    IOptions<ZaloPayOptions> options)
    : PaymentsService.PaymentsServiceBase
{

    public override Task<Payment> CreatePayment(CreatePaymentRequest request, ServerCallContext context)
    {
        var orderId = GrpcErrors.ParseId(request.OrderId, "order_id");
        var customerId = GrpcErrors.ParseId(request.CustomerId, "customer_id");
        var amount = request.Amount ?? throw GrpcErrors.InvalidArgument(PaymentErrors.InvalidAmount, "'amount' is required.");
        var command = new CreatePaymentCommand(orderId, request.OrderCode, customerId, amount.ToDecimal(), amount.CurrencyCode, request.Description);
        return RunAsync(context, token => creation.CreateAsync(command, token));
    }

    public override Task<Payment> QueryPayment(QueryPaymentRequest request, ServerCallContext context)
    {
        var orderId = GrpcErrors.ParseId(request.OrderId, "order_id");
        return RunAsync(context, token => reconciliation.QueryAsync(orderId, token));
    }

    public override Task<Payment> CancelPayment(CancelPaymentRequest request, ServerCallContext context)
    {
        var orderId = GrpcErrors.ParseId(request.OrderId, "order_id");
        return RunAsync(context, token => cancellation.CancelAsync(orderId, request.Reason, request.Expired, token));
    }

    public override Task<Payment> RefundPayment(RefundPaymentRequest request, ServerCallContext context)
    {
        var orderId = GrpcErrors.ParseId(request.OrderId, "order_id");
        return RunAsync(context, token => refunds.RequestAsync(orderId, request.Reason, token));
    }

    private async Task<Payment> RunAsync(ServerCallContext context, Func<CancellationToken, Task<Paying.Payment>> operation)
    {
        using var beforeDeadline = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        if (context.Deadline != DateTime.MaxValue)
        {
            beforeDeadline.CancelAfter(TimeSpan.FromTicks(Math.Max(0, (context.Deadline - DateTime.UtcNow - options.Value.DeadlineMargin).Ticks)));
        }

        try
        {
            return (await operation(beforeDeadline.Token)).ToMessage();
        }
        catch (DomainException exception)
        {
            throw exception.ToRpcException(exception.Errors[0].Code switch
            {
                IdErrors.NotFound => StatusCode.NotFound,
                PaymentErrors.InvalidAmount or PaymentErrors.InvalidText or IdErrors.Invalid => StatusCode.InvalidArgument,
                PaymentErrors.Conflict => StatusCode.AlreadyExists,
                PaymentErrors.ConcurrentUpdate => StatusCode.Aborted,
                _ => StatusCode.FailedPrecondition,
            });
        }
        catch (ZaloPayUnavailableException exception)
        {
            throw GrpcErrors.Create(StatusCode.Unavailable, "ZALOPAY_UNAVAILABLE", exception.Message);
        }
        catch (OperationCanceledException) when (beforeDeadline.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw GrpcErrors.Create(StatusCode.Unavailable, "ZALOPAY_UNAVAILABLE", "ZaloPay did not answer before the deadline.");
        }
    }
}
