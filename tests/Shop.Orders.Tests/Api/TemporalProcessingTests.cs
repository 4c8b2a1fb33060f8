using Microsoft.Extensions.DependencyInjection;
using Shop.Orchestration;
using Shop.Orders.Processing;
using Shop.Testing.Temporal;
using Temporalio.Api.Enums.V1;
using Temporalio.Converters;

namespace Shop.Orders.Tests.Api;

/// <summary>
/// Orders hands each placed order to its Temporal workflow and signals cancellations to it, checked
/// on the wire with Temporal's real client against a stand-in frontend.
/// </summary>
public sealed class TemporalProcessingTests(TemporalProcessingTests.Host orders) : IClassFixture<TemporalProcessingTests.Host>
{
    public sealed class Host : OrdersHost
    {
        public TemporalFrontend Temporal { get; private set; } = null!;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Temporal:Address"] = Temporal.Address,
        };

        public override async ValueTask InitializeAsync()
        {
            Temporal = await TemporalFrontend.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Temporal.DisposeAsync();
        }
    }

    [Fact]
    public async Task HandOff_StartsTheOrderWorkflow_ByItsContract()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());

        Assert.True(await HandOffAsync(order));

        var start = Assert.Single(orders.Temporal.Starts, s => s.WorkflowId == OrderWorkflowContract.WorkflowId(order.Id));
        Assert.Equal(OrderWorkflowContract.WorkflowType, start.WorkflowType.Name);
        Assert.Equal(OrderWorkflowContract.TaskQueue, start.TaskQueue.Name);
        Assert.Equal(WorkflowIdReusePolicy.RejectDuplicate, start.WorkflowIdReusePolicy);
        var input = DataConverter.Default.PayloadConverter.ToValue<OrderWorkflowInput>(Assert.Single(start.Input.Payloads_));
        Assert.Equal(order.Id, input.OrderId);
    }

    [Fact]
    public async Task StartAsync_AlreadyStarted_IsSuccess()
    {
        var order = await orders.SeedOrderAsync(Guid.NewGuid());
        var processing = orders.Host.GetRequiredService<IOrderProcessing>();

        await processing.StartAsync(order, default);
        await processing.StartAsync(order, default);

        Assert.Equal(2, orders.Temporal.Starts.Count(s => s.WorkflowId == OrderWorkflowContract.WorkflowId(order.Id)));
    }

    [Fact]
    public async Task CancelOrder_SignalsTheWorkflow_WithTheReason()
    {
        var customer = Guid.NewGuid();
        var order = await orders.SeedOrderAsync(customer);
        Assert.True(await HandOffAsync(order));

        var response = await orders.Client(orders.Tokens.Customer(customer)).PostAsync(
            "mutation ($id: ID!) { cancelOrder(input: { orderId: $id, reason: \"found it cheaper\" }) { errors { code } } }", new { id = order.Id });

        Assert.Empty(response.Data.GetProperty("cancelOrder").GetProperty("errors").EnumerateArray());
        var signal = Assert.Single(orders.Temporal.Signals, s => s.WorkflowExecution.WorkflowId == OrderWorkflowContract.WorkflowId(order.Id));
        Assert.Equal(OrderWorkflowContract.CancelSignalName, signal.SignalName);
        var cancel = DataConverter.Default.PayloadConverter.ToValue<CancelSignal>(Assert.Single(signal.Input.Payloads_));
        Assert.Equal("found it cheaper", cancel.Reason);
    }

    private async Task<bool> HandOffAsync(Ordering.Order order)
    {
        await using var scope = orders.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandOff>().TryAsync(order, default);
    }
}
