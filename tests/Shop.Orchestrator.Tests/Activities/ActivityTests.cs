using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Orchestrator.Activities;
using Shop.Orders.Grpc;
using Shop.Payments.Grpc;
using Shop.Products.Grpc;
using Shop.ServiceDefaults.Grpc;
using Temporalio.Exceptions;
using Temporalio.Testing;
using RpcException = Grpc.Core.RpcException;

namespace Shop.Orchestrator.Tests.Activities;

/// <summary>
/// The activities through <see cref="ActivityEnvironment"/> against gRPC stand-ins on real ports:
/// what they send, with which deadline, and how each refusal or failure reaches Temporal.
/// </summary>
public sealed class ActivityTests : IAsyncLifetime
{
    private static readonly Guid OrderId = Guid.Parse("0b7f3c1e-5a4d-4e59-9a0e-1f7f0c2d9a11");
    // Generous: each test starts its own stand-ins, so the first call pays a TLS handshake and JIT on a busy machine.
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(5);

    private StandIns _standIns = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _standIns = await StandIns.StartAsync();
        var configuration = _standIns.Configuration(CallDeadline);
        var services = new ServiceCollection();
        services.AddOptions<OrchestratorOptions>().Bind(configuration.GetSection(OrchestratorOptions.SectionName));
        services.AddOrchestratorGrpcClients(configuration);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _standIns.DisposeAsync();
    }

    [Fact]
    public async Task Reserve_Held_SendsTheLinesWithADeadline()
    {
        var before = DateTime.UtcNow;

        var state = await RunAsync<InventoryActivities, string>("Reserve", a => a.ReserveAsync(
            new ReserveInput(OrderId, [new OrderItem(StandInOrders.ProductId, "Phin filter", 2)])));

        Assert.Equal("HELD", state);
        var (method, request, deadline) = Assert.Single(_standIns.Behavior.Calls);
        Assert.Equal("Reserve", method);
        var reserve = Assert.IsType<ReserveRequest>(request);
        Assert.Equal(OrderId.ToString(), reserve.OrderId);
        Assert.Equal((StandInOrders.ProductId.ToString(), 2), (reserve.Lines[0].ProductId, reserve.Lines[0].Quantity));
        Assert.InRange(deadline, before, DateTime.UtcNow + CallDeadline);
    }

    [Fact]
    public async Task Reserve_OutOfStock_NonRetryableWithTheShortages()
    {
        _standIns.Behavior.Refusal = GrpcErrors.FailedPrecondition(
            "INSUFFICIENT_STOCK", "Not enough stock.", new Metadata { { "shortages", $"{StandInOrders.ProductId}:1" } });

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync<InventoryActivities, string>(
            "Reserve", a => a.ReserveAsync(new ReserveInput(OrderId, [new OrderItem(StandInOrders.ProductId, "Phin filter", 2)]))));

        Assert.True(failure.NonRetryable);
        Assert.Equal("INSUFFICIENT_STOCK", failure.ErrorType);
        Assert.Contains($"{StandInOrders.ProductId}:1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commit_NotFoundWithoutReason_NonRetryableByStatusCode()
    {
        _standIns.Behavior.Refusal = new RpcException(new Status(StatusCode.NotFound, "No reservation."));

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync<InventoryActivities, string>("Commit", a => a.CommitAsync(OrderId)));

        Assert.True(failure.NonRetryable);
        Assert.Equal("NOT_FOUND", failure.ErrorType);
    }

    [Fact]
    public async Task Release_Unavailable_Retryable()
    {
        _standIns.Behavior.Refusal = new RpcException(new Status(StatusCode.Unavailable, "Products is restarting."));

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync<InventoryActivities, string>("Release", a => a.ReleaseAsync(OrderId)));

        Assert.False(failure.NonRetryable);
        Assert.Equal("UNAVAILABLE", failure.ErrorType);
    }

    [Fact]
    public async Task QueryPayment_ServerSlowerThanTheDeadline_DeadlineExceededRetryable()
    {
        _standIns.Behavior.Delay = TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync<PaymentActivities, PaymentState>("QueryPayment", a => a.QueryPaymentAsync(OrderId)));

        Assert.False(failure.NonRetryable);
        Assert.Equal("DEADLINE_EXCEEDED", failure.ErrorType);
        Assert.InRange(clock.Elapsed, CallDeadline - TimeSpan.FromMilliseconds(200), CallDeadline + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task CancelPayment_FoundPaid_NonRetryablePaymentPaid()
    {
        _standIns.Behavior.Refusal = GrpcErrors.FailedPrecondition("PAYMENT_PAID", "The payment was paid.");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync<PaymentActivities, PaymentState>(
            "CancelPayment", a => a.CancelPaymentAsync(new CancelPaymentInput(OrderId, "Cancelled by the customer.", false))));

        Assert.True(failure.NonRetryable);
        Assert.Equal("PAYMENT_PAID", failure.ErrorType);
    }

    [Fact]
    public async Task CancelPayment_Expired_AsksForExpiry()
    {
        var state = await RunAsync<PaymentActivities, PaymentState>(
            "CancelPayment", a => a.CancelPaymentAsync(new CancelPaymentInput(OrderId, "The payment deadline passed.", true)));

        Assert.Equal(new PaymentState("EXPIRED", null), state);
        var request = Assert.IsType<CancelPaymentRequest>(Assert.Single(_standIns.Behavior.Calls).Request);
        Assert.Equal((OrderId.ToString(), "The payment deadline passed.", true), (request.OrderId, request.Reason, request.Expired));
    }

    [Fact]
    public async Task CreatePayment_Pending_ReturnsTheUrlAndTheWorkersTiming()
    {
        var created = await RunAsync<PaymentActivities, PaymentCreated>("CreatePayment", a => a.CreatePaymentAsync(
            new CreatePaymentInput(OrderId, "SO-0001", StandInOrders.CustomerId, 150_000m, "VND", "Shop order SO-0001")));

        Assert.Equal(new PaymentCreated("PENDING", StandInPayments.OrderUrl, TimeSpan.FromMinutes(17), TimeSpan.FromMinutes(1)), created);
        var request = Assert.IsType<CreatePaymentRequest>(Assert.Single(_standIns.Behavior.Calls).Request);
        Assert.Equal((150_000L, "VND", StandInOrders.CustomerId.ToString(), "SO-0001"), (request.Amount.Units, request.Amount.CurrencyCode, request.CustomerId, request.OrderCode));
    }

    [Fact]
    public async Task CreatePayment_Conflict_NonRetryable()
    {
        _standIns.Behavior.Refusal = GrpcErrors.AlreadyExists("PAYMENT_CONFLICT", "Another amount.");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync<PaymentActivities, PaymentCreated>("CreatePayment", a => a.CreatePaymentAsync(
            new CreatePaymentInput(OrderId, "SO-0001", StandInOrders.CustomerId, 150_000m, "VND", "Shop order SO-0001"))));

        Assert.True(failure.NonRetryable);
        Assert.Equal("PAYMENT_CONFLICT", failure.ErrorType);
    }

    [Fact]
    public async Task RefundPayment_Pending_SendsTheReason()
    {
        var state = await RunAsync<PaymentActivities, PaymentState>("RefundPayment", a => a.RefundPaymentAsync(new RefundPaymentInput(OrderId, "No stock.")));

        Assert.Equal(new PaymentState("REFUND_PENDING", "zp-1"), state);
        Assert.Equal("No stock.", Assert.IsType<RefundPaymentRequest>(Assert.Single(_standIns.Behavior.Calls).Request).Reason);
    }

    [Fact]
    public async Task GetOrder_Pending_MapsTheOrder()
    {
        var order = await RunAsync<OrderActivities, OrderSnapshot>("GetOrder", a => a.GetOrderAsync(OrderId));

        Assert.Equal((OrderId, "SO-0001", StandInOrders.CustomerId, "PENDING", 150_000m, "VND", false),
            (order.OrderId, order.Code, order.CustomerId, order.Status, order.Total, order.Currency, order.CancelRequested));
        Assert.Equal([new OrderItem(StandInOrders.ProductId, "Phin filter", 2)], order.Lines);
    }

    [Fact]
    public async Task Transition_Paid_SendsTheStatusAndReason()
    {
        var status = await RunAsync<OrderActivities, string>("Transition", a => a.TransitionAsync(new TransitionInput(OrderId, "PAID", "Payment received.")));

        Assert.Equal("PAID", status);
        var request = Assert.IsType<TransitionRequest>(Assert.Single(_standIns.Behavior.Calls).Request);
        Assert.Equal((OrderStatus.Paid, "Payment received."), (request.To, request.Reason));
    }

    [Fact]
    public async Task Transition_Aborted_Retryable()
    {
        _standIns.Behavior.Refusal = new RpcException(new Status(StatusCode.Aborted, "Concurrent update."));

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync<OrderActivities, string>(
            "Transition", a => a.TransitionAsync(new TransitionInput(OrderId, "PAID", "Payment received."))));

        Assert.False(failure.NonRetryable);
        Assert.Equal("ABORTED", failure.ErrorType);
    }

    private async Task<TResult> RunAsync<TActivities, TResult>(string type, Func<TActivities, Task<TResult>> activity)
        where TActivities : class
    {
        using var scope = _services.CreateScope();
        var instance = ActivatorUtilities.CreateInstance<TActivities>(scope.ServiceProvider);
        var environment = new ActivityEnvironment { Info = ActivityEnvironment.DefaultInfo with { ActivityType = type } };
        return await environment.RunAsync(() => activity(instance)).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
