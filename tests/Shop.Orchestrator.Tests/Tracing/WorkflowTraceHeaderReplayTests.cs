using System.Diagnostics;
using Shop.Orchestration;
using Shop.Orchestrator.Temporal;
using Shop.Orchestrator.Workflows;
using Shop.ServiceDefaults.Temporal;
using Temporalio.Api.Common.V1;
using Temporalio.Common;
using Temporalio.Worker;
using static Shop.Orchestrator.Tests.Replay.OrderHistories;

namespace Shop.Orchestrator.Tests.Tracing;

/// <summary>
/// The workflow hands the trace context it was started with to every activity it schedules, and
/// doing so changes nothing replay checks: a recorded history replays the same with the interceptor.
/// </summary>
public sealed class WorkflowTraceHeaderReplayTests
{
    private static readonly string[] PaidPath =
        ["GetOrder", "Reserve", "Transition", "CreatePayment", "Transition", "Transition", "Commit", "Transition"];

    [Fact]
    public async Task Replay_StartedWithTheHeader_CopiesItOntoEveryActivity()
    {
        using var placeOrder = new Activity("placeOrder").Start();
        var trace = TraceHeader.With(null, placeOrder)![TraceHeader.Key];
        var history = PaidHistory(trace);

        var capture = await ReplayWithTracingAsync(history);

        Assert.Equal(PaidPath, capture.Activities.Select(a => a.Type));
        Assert.All(capture.Activities, a =>
        {
            Assert.NotNull(a.Headers);
            Assert.Equal(trace, a.Headers[TraceHeader.Key]);
        });
    }

    [Fact]
    public async Task Replay_StartedWithoutTheHeader_SchedulesActivitiesWithoutOne()
    {
        var capture = await ReplayWithTracingAsync(PaidHistory(trace: null));

        Assert.Equal(PaidPath, capture.Activities.Select(a => a.Type));
        Assert.All(capture.Activities, a => Assert.False(a.Headers?.ContainsKey(TraceHeader.Key) ?? false));
    }

    /// <summary>Paid by callback; the start event carries <paramref name="trace"/> as the server would record it.</summary>
    private static WorkflowHistory PaidHistory(Payload? trace)
    {
        var history = AwaitingPayment()
            .SignalsDuringTimer(Interval, (OrderWorkflowContract.PaymentSignalName, Paid))
            .ThenCompleted();
        if (trace is not null)
        {
            history.Events.First().WorkflowExecutionStartedEventAttributes.Header = new Header { Fields = { [TraceHeader.Key] = trace } };
        }

        return history;
    }

    private static async Task<HeaderCapturingInterceptor> ReplayWithTracingAsync(WorkflowHistory history)
    {
        var capture = new HeaderCapturingInterceptor();
        var options = new WorkflowReplayerOptions { Interceptors = [capture, new TracingWorkerInterceptor()] }.AddWorkflow<OrderWorkflow>();
        await new WorkflowReplayer(options).ReplayWorkflowAsync(history).WaitAsync(TimeSpan.FromSeconds(30));
        return capture;
    }
}
