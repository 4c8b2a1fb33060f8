using System.Collections.Concurrent;
using Temporalio.Api.Common.V1;
using Temporalio.Worker.Interceptors;

namespace Shop.Orchestrator.Tests.Tracing;

/// <summary>
/// The headers of each activity the workflow schedules, as they leave for the server. Placed
/// before the tracing interceptor in the list, so its outbound sits under it and sees its work.
/// </summary>
public sealed class HeaderCapturingInterceptor : IWorkerInterceptor
{
    public ConcurrentQueue<(string Type, IDictionary<string, Payload>? Headers)> Activities { get; } = new();

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor, this);

    private sealed class Inbound(WorkflowInboundInterceptor next, HeaderCapturingInterceptor root) : WorkflowInboundInterceptor(next)
    {
        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, root));
    }

    private sealed class Outbound(WorkflowOutboundInterceptor next, HeaderCapturingInterceptor root) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input)
        {
            root.Activities.Enqueue((input.Activity, input.Headers));
            return base.ScheduleActivityAsync<TResult>(input);
        }
    }
}
