using Shop.Orchestration;
using Shop.Orders.Ordering;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace Shop.Orders.Processing;

/// <summary>Order processing as the orchestrator's workflow: one <c>order-&lt;id&gt;</c> per order.</summary>
public sealed class TemporalOrderProcessing(ITemporalClient temporal) : IOrderProcessing
{
    public async Task StartAsync(Order order, CancellationToken cancellationToken)
    {
        var options = new WorkflowOptions(OrderWorkflowContract.WorkflowId(order.Id), OrderWorkflowContract.TaskQueue)
        {
            // An order is processed once, ever: a finished workflow is not started again either.
            IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
            Rpc = new RpcOptions { CancellationToken = cancellationToken },
        };
        try
        {
            await temporal.StartWorkflowAsync(OrderWorkflowContract.WorkflowType, [new OrderWorkflowInput(order.Id)], options);
        }
        catch (WorkflowAlreadyStartedException)
        {
            // A repeated hand-off (the sweeper, or a retry after a lost answer): the workflow has the order.
        }
    }

    public Task RequestCancellationAsync(Order order, CancellationToken cancellationToken)
    {
        var reason = order.Cancellation?.Reason
            ?? throw new InvalidOperationException($"Order {order.Code} has no cancellation request to signal.");
        return temporal.GetWorkflowHandle(OrderWorkflowContract.WorkflowId(order.Id)).SignalAsync(
            OrderWorkflowContract.CancelSignalName,
            [new CancelSignal(reason)],
            new WorkflowSignalOptions { Rpc = new RpcOptions { CancellationToken = cancellationToken } });
    }
}
