using Shop.Orchestrator.Activities;
using Shop.Orders.Ordering;
using Temporalio.Exceptions;

namespace Shop.Orchestrator.Tests.Activities;

/// <summary><see cref="OrderActivities"/> against the real orders service: what it reads and stores, and its refusals as non-retryable.</summary>
[Collection(RealServicesCollection.Name)]
public sealed class RealOrderActivityTests(RealServices services)
{
    [Fact]
    public async Task GetOrder_SeededOrder_LinesTotalAndCustomer()
    {
        var productId = await services.CreateProductAsync("Phin filter", stock: 10);
        var otherId = await services.CreateProductAsync("Robusta 500 g", stock: 10);
        var seeded = await services.SeedOrderAsync(
            RealServices.CustomerId, new OrderLine(productId, "Phin filter", 75_000m, 2), new OrderLine(otherId, "Robusta 500 g", 120_000m, 1));

        var order = await RunOrderAsync(a => a.GetOrderAsync(seeded.Id), "GetOrder");

        Assert.Equal((seeded.Id, seeded.Code, RealServices.CustomerId, "PENDING", 270_000m, "VND", false),
            (order.OrderId, order.Code, order.CustomerId, order.Status, order.Total, order.Currency, order.CancelRequested));
        Assert.Equal([new OrderItem(productId, "Phin filter", 2), new OrderItem(otherId, "Robusta 500 g", 1)], order.Lines);
    }

    [Fact]
    public async Task GetOrder_UnknownOrder_NonRetryableOrderNotFound()
    {
        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunOrderAsync(a => a.GetOrderAsync(Guid.NewGuid()), "GetOrder"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("NOT_FOUND", failure.ErrorType);
    }

    [Fact]
    public async Task Transition_PendingToReserved_StoredAsReserved()
    {
        var seeded = await services.SeedOrderAsync(quantity: 1);

        var status = await RunOrderAsync(a => a.TransitionAsync(new TransitionInput(seeded.Id, OrderStatuses.Reserved, "Stock reserved.")), "Transition");
        var repeated = await RunOrderAsync(a => a.TransitionAsync(new TransitionInput(seeded.Id, OrderStatuses.Reserved, "Stock reserved.")), "Transition");

        Assert.Equal(("RESERVED", "RESERVED"), (status, repeated));
        Assert.Equal("RESERVED", (await RunOrderAsync(a => a.GetOrderAsync(seeded.Id), "GetOrder")).Status);
    }

    [Fact]
    public async Task Transition_PendingToCompleted_NonRetryableIllegalTransition()
    {
        var seeded = await services.SeedOrderAsync(quantity: 1);

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunOrderAsync(
            a => a.TransitionAsync(new TransitionInput(seeded.Id, OrderStatuses.Completed, "Skipping ahead.")), "Transition"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("ILLEGAL_TRANSITION", failure.ErrorType);
        Assert.Equal("PENDING", (await RunOrderAsync(a => a.GetOrderAsync(seeded.Id), "GetOrder")).Status);
    }

    private Task<T> RunOrderAsync<T>(Func<OrderActivities, Task<T>> activity, string type) => services.RunAsync(type, activity);
}
