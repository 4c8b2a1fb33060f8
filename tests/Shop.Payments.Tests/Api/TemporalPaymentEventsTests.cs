using Microsoft.Extensions.DependencyInjection;
using Shop.Orchestration;
using Shop.Payments.Events;
using Shop.Payments.Paying;
using Shop.Testing.Temporal;
using Temporalio.Converters;

namespace Shop.Payments.Tests.Api;

/// <summary>Settled payments reach the order's workflow as its payment signal, over Temporal's real client.</summary>
public sealed class TemporalPaymentEventsTests : IAsyncLifetime
{
    private TemporalFrontend _temporal = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _temporal = await TemporalFrontend.StartAsync();
        _services = _temporal.ClientServices()
            .AddSingleton<TemporalPaymentEvents>()
            .BuildServiceProvider();
    }

    private TemporalPaymentEvents Events => _services.GetRequiredService<TemporalPaymentEvents>();

    [Fact]
    public async Task PublishAsync_Paid_SignalsTheOrdersWorkflow()
    {
        var orderId = Guid.NewGuid();
        _temporal.Run(OrderWorkflowContract.WorkflowId(orderId));
        var at = DateTimeOffset.UtcNow;

        await Events.PublishAsync(new PaymentSettled(orderId, PaymentStatus.Paid, "240101000000042", at), default);

        var signal = Assert.Single(_temporal.Signals);
        Assert.Equal(OrderWorkflowContract.WorkflowId(orderId), signal.WorkflowExecution.WorkflowId);
        Assert.Equal(OrderWorkflowContract.PaymentSignalName, signal.SignalName);
        var sent = DataConverter.Default.PayloadConverter.ToValue<PaymentSignal>(Assert.Single(signal.Input.Payloads_));
        Assert.Equal(new PaymentSignal(orderId, PaymentSignalStatus.Paid, "240101000000042", at), sent);
    }

    [Fact]
    public async Task PublishAsync_WorkflowEnded_IsNotAnError()
    {
        var orderId = Guid.NewGuid();
        _temporal.Run(OrderWorkflowContract.WorkflowId(orderId));
        _temporal.Close(OrderWorkflowContract.WorkflowId(orderId));

        await Events.PublishAsync(new PaymentSettled(orderId, PaymentStatus.Paid, "1", DateTimeOffset.UtcNow), default);

        Assert.Single(_temporal.Signals);
    }

    [Fact]
    public async Task PublishAsync_StatusTheWorkflowDoesNotActOn_SendsNothing()
    {
        await Events.PublishAsync(new PaymentSettled(Guid.NewGuid(), PaymentStatus.Refunded, "1", DateTimeOffset.UtcNow), default);

        Assert.Empty(_temporal.Signals);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _temporal.DisposeAsync();
    }
}
