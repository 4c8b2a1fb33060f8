using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orchestration;
using Shop.ServiceDefaults.Temporal;
using Shop.Testing.Temporal;
using Temporalio.Api.Common.V1;
using Temporalio.Client;
using Temporalio.Converters;

namespace Shop.Orchestrator.Tests.Tracing;

/// <summary>
/// The shared Temporal client (the one orders and payments use) sends the caller's trace context
/// with a workflow start and a signal, checked on the wire against the stand-in frontend.
/// </summary>
public sealed class ClientTracePropagationTests : IAsyncLifetime
{
    private TemporalFrontend _temporal = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _temporal = await TemporalFrontend.StartAsync();
        _services = _temporal.ClientServices()
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _temporal.DisposeAsync();
    }

    private ITemporalClient Client => _services.GetRequiredService<ITemporalClient>();

    [Fact]
    public async Task StartWorkflow_InsideAnActivity_SendsItsTraceParent()
    {
        var orderId = Guid.NewGuid();
        using var placeOrder = new Activity("placeOrder").Start();

        await StartAsync(orderId);

        var start = Assert.Single(_temporal.Starts, s => s.WorkflowId == OrderWorkflowContract.WorkflowId(orderId));
        Assert.Equal(TraceParentOf(placeOrder), Carrier(start.Header)["traceparent"]);
    }

    [Fact]
    public async Task Signal_InsideAnActivity_SendsItsTraceParent()
    {
        var orderId = Guid.NewGuid();
        var workflowId = OrderWorkflowContract.WorkflowId(orderId);
        _temporal.Run(workflowId);
        using var callback = new Activity("zalopay callback").Start();

        await Client.GetWorkflowHandle(workflowId).SignalAsync(
            OrderWorkflowContract.PaymentSignalName, [new PaymentSignal(orderId, PaymentSignalStatus.Paid, "zp-1", DateTimeOffset.UtcNow)]);

        var signal = Assert.Single(_temporal.Signals, s => s.WorkflowExecution.WorkflowId == workflowId);
        Assert.Equal(TraceParentOf(callback), Carrier(signal.Header)["traceparent"]);
    }

    [Fact]
    public async Task StartWorkflow_OutsideAnyActivity_SendsNoTraceHeader()
    {
        var orderId = Guid.NewGuid();
        Activity.Current = null;

        await StartAsync(orderId);

        var start = Assert.Single(_temporal.Starts, s => s.WorkflowId == OrderWorkflowContract.WorkflowId(orderId));
        Assert.False(start.Header?.Fields.ContainsKey(TraceHeader.Key) ?? false);
    }

    private Task StartAsync(Guid orderId)
        => Client.StartWorkflowAsync(
            OrderWorkflowContract.WorkflowType,
            [new OrderWorkflowInput(orderId)],
            new WorkflowOptions(OrderWorkflowContract.WorkflowId(orderId), OrderWorkflowContract.TaskQueue));

    private static string TraceParentOf(Activity activity) => $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-00";

    private static Dictionary<string, string> Carrier(Header? header)
    {
        Assert.NotNull(header);
        Assert.True(header.Fields.TryGetValue(TraceHeader.Key, out var payload), "No trace header was sent.");
        return DataConverter.Default.PayloadConverter.ToValue<Dictionary<string, string>>(payload);
    }
}
