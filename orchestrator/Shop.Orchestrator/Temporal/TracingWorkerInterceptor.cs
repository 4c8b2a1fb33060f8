using System.Diagnostics;
using Shop.ServiceDefaults.Temporal;
using Temporalio.Activities;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace Shop.Orchestrator.Temporal;

/// <summary>
/// Continues the trace of whoever started a workflow into its activities: the workflow copies its
/// start header (<see cref="TraceHeader"/>) onto every activity it schedules, and each activity
/// runs under an <see cref="Activity"/> whose parent is that context, so the activities' gRPC calls
/// (instrumented) land in the placeOrder trace. The workflow side only copies a header it was
/// given: no clock, no I/O, no span, so replay is unchanged.
/// </summary>
public sealed class TracingWorkerInterceptor : IWorkerInterceptor
{
    /// <summary>Under the telemetry's <c>Shop.*</c> sources, so it is exported with the rest.</summary>
    public const string SourceName = "Shop.Orchestrator";

    private static readonly ActivitySource Source = new(SourceName);

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new WorkflowInbound(nextInterceptor);

    public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) => new ActivityInbound(nextInterceptor);

    private sealed class WorkflowInbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
    {
        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new WorkflowOutbound(outbound));
    }

    private sealed class WorkflowOutbound(WorkflowOutboundInterceptor next) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input)
        {
            if (Workflow.Info.Headers is { } started && started.TryGetValue(TraceHeader.Key, out var trace))
            {
                var headers = new Dictionary<string, Temporalio.Api.Common.V1.Payload>(input.Headers ?? new Dictionary<string, Temporalio.Api.Common.V1.Payload>())
                {
                    [TraceHeader.Key] = trace,
                };
                input = input with { Headers = headers };
            }

            return base.ScheduleActivityAsync<TResult>(input);
        }
    }

    private sealed class ActivityInbound(ActivityInboundInterceptor next) : ActivityInboundInterceptor(next)
    {
        public override async Task<object?> ExecuteActivityAsync(ExecuteActivityInput input)
        {
            // Without a header (a workflow started by an untraced caller) the activity is a root.
            TraceHeader.TryRead(input.Headers, out var parent);
            using var activity = Source.StartActivity($"activity {input.Activity.Name}", ActivityKind.Server, parent);
            if (activity is not null && ActivityExecutionContext.HasCurrent)
            {
                var info = ActivityExecutionContext.Current.Info;
                activity.SetTag("temporal.workflow_id", info.WorkflowId);
                activity.SetTag("temporal.activity_attempt", info.Attempt);
            }

            try
            {
                return await base.ExecuteActivityAsync(input);
            }
            catch (Exception exception)
            {
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                throw;
            }
        }
    }
}
