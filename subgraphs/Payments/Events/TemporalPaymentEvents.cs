using Shop.Orchestration;
using Shop.Payments.Paying;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace Shop.Payments.Events;

/// <summary>Payment news as a signal to the order's workflow, <c>order-&lt;orderId&gt;</c>.</summary>
public sealed partial class TemporalPaymentEvents(ITemporalClient temporal, ILogger<TemporalPaymentEvents> logger) : IPaymentEvents
{
    public async Task PublishAsync(PaymentSettled settled, CancellationToken cancellationToken)
    {
        var status = settled.Status switch
        {
            PaymentStatus.Paid => PaymentSignalStatus.Paid,
            PaymentStatus.Failed => PaymentSignalStatus.Failed,
            _ => null,
        };
        if (status is null)
        {
            return;
        }

        var handle = temporal.GetWorkflowHandle(OrderWorkflowContract.WorkflowId(settled.OrderId));
        try
        {
            await handle.SignalAsync(
                OrderWorkflowContract.PaymentSignalName,
                [new PaymentSignal(settled.OrderId, status, settled.ZpTransId, settled.At)],
                new WorkflowSignalOptions { Rpc = new RpcOptions { CancellationToken = cancellationToken } });
        }
        catch (RpcException exception) when (exception.Code == RpcException.StatusCode.NotFound)
        {
            // The workflow has ended and waits for nothing; money after the end is refunded here, not there.
            LogWorkflowGone(logger, handle.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {WorkflowId} has ended; its payment news is not needed")]
    private static partial void LogWorkflowGone(ILogger logger, string workflowId);
}
