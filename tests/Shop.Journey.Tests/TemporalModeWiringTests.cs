using Shop.Journey.Tests.Live;
using Shop.Orchestration;
using Shop.Orders.Grpc;
using Shop.Payments.Grpc;
using Shop.Testing;
using Shop.Testing.Platform;
using Shop.Testing.Temporal;

namespace Shop.Journey.Tests;

/// <summary>
/// The platform's Temporal mode without a Temporal server: the frontend's stand-in receives what
/// orders and payments send, and the orchestrator's own clients reach the services as it would.
/// What only a real server can show is in <see cref="LiveOrderJourneyTests"/>.
/// </summary>
public sealed class TemporalModeWiringTests
{
    [Fact(Timeout = 300_000)]
    public async Task TemporalMode_PlaceAndPay_WorkflowStartedOnTheContractAndPaymentSignalled()
    {
        await using var frontend = await TemporalFrontend.StartAsync();
        await using var platform = await ShopPlatform.StartAsync(temporalAddress: frontend.Address);
        var customer = await Customer.RegisterAsync(platform, "Vy");
        var client = customer.Client(platform);
        var products = (await client.PostAsync("{ products(first: 1, where: { inStock: true }) { edges { node { id } } } }")).EnsureNoErrors();
        var productId = products.Data.GetProperty("products").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString()!;

        var orderId = await LiveShop.PlaceAsync(client, productId, quantity: 1);
        var workflowId = OrderWorkflowContract.WorkflowId(Guid.Parse(orderId));
        await Eventually.TrueAsync(() => frontend.Starts.Any(s => s.WorkflowId == workflowId), TimeSpan.FromSeconds(30), "orders never started the workflow");
        // What the worker's activities do first: read the order, create its payment, over mutual TLS as "orchestrator".
        var orchestrator = Assert.IsType<Shop.Testing.Hosting.TestServiceHost>(platform.Orchestrator);
        var order = await orchestrator.GetRequiredService<OrdersService.OrdersServiceClient>().GetOrderAsync(new GetOrderRequest { OrderId = orderId });
        var payment = await orchestrator.GetRequiredService<PaymentsService.PaymentsServiceClient>().CreatePaymentAsync(new CreatePaymentRequest
        {
            OrderId = orderId,
            OrderCode = order.Code,
            CustomerId = order.CustomerId,
            Amount = order.Total,
            Description = "Shop order " + order.Code,
        });
        await platform.Sandbox.Control.PayAsync(payment.AppTransId);
        await Eventually.TrueAsync(
            () => frontend.Signals.Any(s => s.WorkflowExecution.WorkflowId == workflowId && s.SignalName == OrderWorkflowContract.PaymentSignalName),
            TimeSpan.FromSeconds(30),
            "payments never signalled the payment");

        var start = frontend.Starts.First(s => s.WorkflowId == workflowId);
        Assert.Equal((OrderWorkflowContract.WorkflowType, OrderWorkflowContract.TaskQueue), (start.WorkflowType.Name, start.TaskQueue.Name));
        Assert.Equal((orderId, 1), (order.Id, Assert.Single(order.Lines).Quantity));
    }
}
