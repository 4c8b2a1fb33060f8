using System.Diagnostics;
using Shop.Orchestrator.Temporal;
using Shop.ServiceDefaults.Temporal;
using Temporalio.Activities;
using Temporalio.Api.Common.V1;
using Temporalio.Testing;
using Temporalio.Worker.Interceptors;

namespace Shop.Orchestrator.Tests.Tracing;

/// <summary>
/// An activity runs under a <c>Shop.Orchestrator</c> span whose parent is the trace context its
/// workflow passed on, so its gRPC calls join that trace; without one it still runs, as a root.
/// </summary>
public sealed class ActivityTracingTests : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == TracingWorkerInterceptor.SourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public ActivityTracingTests() => ActivitySource.AddActivityListener(_listener);

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Execute_WithTheHeader_RunsUnderThePropagatedTrace()
    {
        using var placeOrder = new Activity("placeOrder").Start();
        var headers = TraceHeader.With(null, placeOrder)!;
        placeOrder.Stop();
        Activity.Current = null;

        var (result, seen) = await ExecuteAsync(headers.AsReadOnly());

        Assert.Equal("done", result);
        Assert.NotNull(seen);
        Assert.Equal(TracingWorkerInterceptor.SourceName, seen.Source.Name);
        Assert.Equal("activity GetOrder", seen.DisplayName);
        Assert.Equal(placeOrder.TraceId, seen.TraceId);
        Assert.Equal(placeOrder.SpanId, seen.ParentSpanId);
        Assert.Equal("order-test", seen.GetTagItem("temporal.workflow_id"));
    }

    [Fact]
    public async Task Execute_WithoutTheHeader_RunsAsARoot()
    {
        Activity.Current = null;

        var (result, seen) = await ExecuteAsync(null);

        Assert.Equal("done", result);
        Assert.NotNull(seen);
        Assert.Equal("activity GetOrder", seen.DisplayName);
        Assert.Equal(default, seen.ParentSpanId);
        Assert.NotEqual(default, seen.TraceId);
    }

    [Fact]
    public async Task Execute_WithAMalformedHeader_RunsAsARoot()
    {
        Activity.Current = null;
        var headers = new Dictionary<string, Payload>
        {
            [TraceHeader.Key] = Temporalio.Converters.DataConverter.Default.PayloadConverter.ToPayload(new Dictionary<string, string> { ["traceparent"] = "not-a-trace" }),
        };

        var (result, seen) = await ExecuteAsync(headers);

        Assert.Equal("done", result);
        Assert.NotNull(seen);
        Assert.Equal(default, seen.ParentSpanId);
    }

    [Fact]
    public async Task Execute_ActivityFails_MarksTheSpanAndRethrows()
    {
        using var placeOrder = new Activity("placeOrder").Start();
        var headers = TraceHeader.With(null, placeOrder)!;
        placeOrder.Stop();
        Activity.Current = null;
        var terminal = new Terminal(new InvalidOperationException("inventory unreachable"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ExecuteAsync(headers.AsReadOnly(), terminal));

        Assert.Equal("inventory unreachable", failure.Message);
        Assert.NotNull(terminal.Seen);
        Assert.Equal(ActivityStatusCode.Error, terminal.Seen.Status);
        Assert.Equal(placeOrder.TraceId, terminal.Seen.TraceId);
    }

    /// <summary>The interceptor in front of an activity that records the span it runs under.</summary>
    private static async Task<(object? Result, Activity? Seen)> ExecuteAsync(IReadOnlyDictionary<string, Payload>? headers, Terminal? terminal = null)
    {
        terminal ??= new Terminal();
        var inbound = new TracingWorkerInterceptor().InterceptActivity(terminal);
        var definition = ActivityDefinition.Create("GetOrder", typeof(string), [], 0, _ => null);
        var environment = new ActivityEnvironment { Info = ActivityEnvironment.DefaultInfo with { WorkflowId = "order-test", ActivityType = "GetOrder" } };
        var result = await environment.RunAsync(() => inbound.ExecuteActivityAsync(new ExecuteActivityInput(definition, [], headers)));
        return (result, terminal.Seen);
    }

    /// <summary>Stands where the SDK's activity invocation would be; it has no next interceptor.</summary>
    private sealed class Terminal(Exception? failure = null) : ActivityInboundInterceptor(null!)
    {
        public Activity? Seen { get; private set; }

        public override Task<object?> ExecuteActivityAsync(ExecuteActivityInput input)
        {
            Seen = Activity.Current;
            return failure is null ? Task.FromResult<object?>("done") : Task.FromException<object?>(failure);
        }
    }
}
