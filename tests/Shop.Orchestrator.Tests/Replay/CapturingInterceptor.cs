using System.Collections.Concurrent;
using Temporalio.Worker.Interceptors;

namespace Shop.Orchestrator.Tests.Replay;

/// <summary>
/// What replay itself never checks: the activities' arguments, the timers' durations and the
/// workflow's result. Captured on the way out of the workflow, in order.
/// </summary>
public sealed class CapturingInterceptor : IWorkerInterceptor
{
    public ConcurrentQueue<(string Type, object? Argument)> Activities { get; } = new();

    public ConcurrentQueue<TimeSpan> Timers { get; } = new();

    public object? Result { get; private set; }

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor, this);

    private sealed class Inbound(WorkflowInboundInterceptor next, CapturingInterceptor root) : WorkflowInboundInterceptor(next)
    {
        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, root));

        public override async Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
        {
            var result = await base.ExecuteWorkflowAsync(input);
            root.Result = result;
            return result;
        }
    }

    private sealed class Outbound(WorkflowOutboundInterceptor next, CapturingInterceptor root) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input)
        {
            root.Activities.Enqueue((input.Activity, input.Args.SingleOrDefault()));
            return base.ScheduleActivityAsync<TResult>(input);
        }

        public override Task DelayAsync(DelayAsyncInput input)
        {
            root.Timers.Enqueue(input.Delay);
            return base.DelayAsync(input);
        }
    }
}
