using Shop.Orchestrator.Activities;
using Shop.Orders.Ordering;
using Temporalio.Exceptions;
using StoredPaymentStatus = Shop.Payments.Paying.PaymentStatus;

namespace Shop.Orchestrator.Tests.Activities;

/// <summary>
/// The activities through <see cref="Temporalio.Testing.ActivityEnvironment"/> against the real
/// services over mutual-TLS gRPC (PostgreSQL, the ZaloPay sandbox): what they change there, and how
/// each real refusal reaches Temporal as retryable or not.
/// </summary>
public sealed class RealServicesActivityTests(RealServices services) : IClassFixture<RealServices>
{
    private static readonly Guid CustomerId = Guid.Parse("2f0c5d7e-8a1b-4c3d-9e4f-5a6b7c8d9e0f");

    [Fact]
    public async Task GetOrder_SeededOrder_LinesTotalAndCustomer()
    {
        var productId = await services.CreateProductAsync("Phin filter", stock: 10);
        var otherId = await services.CreateProductAsync("Robusta 500 g", stock: 10);
        var seeded = await services.SeedOrderAsync(
            CustomerId, new OrderLine(productId, "Phin filter", 75_000m, 2), new OrderLine(otherId, "Robusta 500 g", 120_000m, 1));

        var order = await RunOrderAsync(a => a.GetOrderAsync(seeded.Id), "GetOrder");

        Assert.Equal((seeded.Id, seeded.Code, CustomerId, "PENDING", 270_000m, "VND", false),
            (order.OrderId, order.Code, order.CustomerId, order.Status, order.Total, order.Currency, order.CancelRequested));
        Assert.Equal([new OrderItem(productId, "Phin filter", 2), new OrderItem(otherId, "Robusta 500 g", 1)], order.Lines);
    }

    [Fact]
    public async Task GetOrder_UnknownOrder_NonRetryableOrderNotFound()
    {
        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunOrderAsync(a => a.GetOrderAsync(Guid.NewGuid()), "GetOrder"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("ORDER_NOT_FOUND", failure.ErrorType);
    }

    [Fact]
    public async Task Transition_PendingToReserved_StoredAsReserved()
    {
        var seeded = await SeedOrderAsync(quantity: 1);

        var status = await RunOrderAsync(a => a.TransitionAsync(new TransitionInput(seeded.Id, OrderStatuses.Reserved, "Stock reserved.")), "Transition");
        var repeated = await RunOrderAsync(a => a.TransitionAsync(new TransitionInput(seeded.Id, OrderStatuses.Reserved, "Stock reserved.")), "Transition");

        Assert.Equal(("RESERVED", "RESERVED"), (status, repeated));
        Assert.Equal("RESERVED", (await RunOrderAsync(a => a.GetOrderAsync(seeded.Id), "GetOrder")).Status);
    }

    [Fact]
    public async Task Transition_PendingToCompleted_NonRetryableIllegalTransition()
    {
        var seeded = await SeedOrderAsync(quantity: 1);

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunOrderAsync(
            a => a.TransitionAsync(new TransitionInput(seeded.Id, OrderStatuses.Completed, "Skipping ahead.")), "Transition"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("ILLEGAL_TRANSITION", failure.ErrorType);
        Assert.Equal("PENDING", (await RunOrderAsync(a => a.GetOrderAsync(seeded.Id), "GetOrder")).Status);
    }

    [Fact]
    public async Task Reserve_SeededOrdersLines_HeldAndUnitsReserved()
    {
        var seeded = await SeedOrderAsync(quantity: 3, stock: 10);
        var order = await RunOrderAsync(a => a.GetOrderAsync(seeded.Id), "GetOrder");
        var productId = order.Lines[0].ProductId;

        var state = await RunInventoryAsync(a => a.ReserveAsync(new ReserveInput(order.OrderId, order.Lines)), "Reserve");

        Assert.Equal("HELD", state);
        var stock = await services.StockAsync(productId);
        Assert.Equal((10, 3, 7), (stock.Total, stock.Reserved, stock.Available));
    }

    [Fact]
    public async Task Commit_HeldReservation_CommittedAndUnitsLeaveTheShelf()
    {
        var (order, productId) = await ReservedOrderAsync(quantity: 3, stock: 10);

        var state = await RunInventoryAsync(a => a.CommitAsync(order.Id), "Commit");
        var repeated = await RunInventoryAsync(a => a.CommitAsync(order.Id), "Commit");

        Assert.Equal(("COMMITTED", "COMMITTED"), (state, repeated));
        var stock = await services.StockAsync(productId);
        Assert.Equal((7, 0), (stock.Total, stock.Reserved));
    }

    [Fact]
    public async Task Commit_NoReservation_NonRetryableReservationNotFound()
    {
        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunInventoryAsync(a => a.CommitAsync(Guid.NewGuid()), "Commit"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("RESERVATION_NOT_FOUND", failure.ErrorType);
    }

    [Fact]
    public async Task Reserve_BeyondStock_NonRetryableInsufficientStockNamingTheShortage()
    {
        var seeded = await SeedOrderAsync(quantity: 5, stock: 2);
        var productId = seeded.Lines[0].ProductId;

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunInventoryAsync(
            a => a.ReserveAsync(new ReserveInput(seeded.Id, [new OrderItem(productId, "Phin filter", 5)])), "Reserve"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("INSUFFICIENT_STOCK", failure.ErrorType);
        Assert.Contains($"{productId}:2", failure.Message, StringComparison.Ordinal);
        var stock = await services.StockAsync(productId);
        Assert.Equal((2, 0), (stock.Total, stock.Reserved));
    }

    [Fact]
    public async Task Release_AfterReserve_UnitsBackAndARepeatIsHarmless()
    {
        var (order, productId) = await ReservedOrderAsync(quantity: 4, stock: 6);

        var state = await RunInventoryAsync(a => a.ReleaseAsync(order.Id), "Release");
        var repeated = await RunInventoryAsync(a => a.ReleaseAsync(order.Id), "Release");

        Assert.Equal(("RELEASED", "RELEASED"), (state, repeated));
        var stock = await services.StockAsync(productId);
        Assert.Equal((6, 0), (stock.Total, stock.Reserved));
    }

    [Fact]
    public async Task Commit_ReleasedReservation_NonRetryableReservationReleased()
    {
        var (order, productId) = await ReservedOrderAsync(quantity: 1, stock: 3);
        await RunInventoryAsync(a => a.ReleaseAsync(order.Id), "Release");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunInventoryAsync(a => a.CommitAsync(order.Id), "Commit"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("RESERVATION_RELEASED", failure.ErrorType);
        Assert.Equal(3, (await services.StockAsync(productId)).Total);
    }

    [Fact]
    public async Task CreatePayment_NewOrder_PendingWithTheSandboxOrderUrl()
    {
        var input = PaymentInput(129_000m);

        var created = await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");

        Assert.Equal("PENDING", created.Status);
        Assert.StartsWith(services.Sandbox.BaseAddress.ToString(), created.OrderUrl, StringComparison.Ordinal);
        Assert.Equal((TimeSpan.FromMinutes(17), TimeSpan.FromMinutes(1)), (created.PaymentDeadline, created.ReconcileInterval));
        var atZaloPay = await services.Sandbox.Control.GetOrderAsync(await AppTransIdAsync(input.OrderId));
        Assert.NotNull(atZaloPay);
        Assert.Equal(129_000, atZaloPay.Amount);
    }

    [Fact]
    public async Task CreatePayment_Repeated_SamePaymentAndOneZaloPayOrder()
    {
        var input = PaymentInput(99_000m);
        var first = await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");
        var appTransId = await AppTransIdAsync(input.OrderId);
        var before = await services.Sandbox.Control.GetRequestCountsAsync();

        var again = await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");

        Assert.Equal(first, again);
        Assert.Equal(appTransId, await AppTransIdAsync(input.OrderId));
        Assert.Equal(before.OrdersCreated, (await services.Sandbox.Control.GetRequestCountsAsync()).OrdersCreated);
    }

    [Fact]
    public async Task CreatePayment_SameOrderAnotherAmount_NonRetryablePaymentConflict()
    {
        var input = PaymentInput(50_000m);
        await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunPaymentAsync(
            a => a.CreatePaymentAsync(input with { Amount = 60_000m }), "CreatePayment"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("PAYMENT_CONFLICT", failure.ErrorType);
    }

    [Fact]
    public async Task QueryPayment_PaidAtTheSandbox_Paid()
    {
        var input = PaymentInput(150_000m);
        await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");
        var outcome = await services.Sandbox.Control.PayAsync(await AppTransIdAsync(input.OrderId));

        var state = await RunPaymentAsync(a => a.QueryPaymentAsync(input.OrderId), "QueryPayment");

        Assert.Equal("PAID", state.Status);
        Assert.NotNull(outcome.Order.ZpTransId);
        Assert.Equal(outcome.Order.ZpTransId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), state.ZpTransId);
    }

    [Fact]
    public async Task QueryPayment_NotPaid_Pending()
    {
        var input = PaymentInput(42_000m);
        await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");

        var state = await RunPaymentAsync(a => a.QueryPaymentAsync(input.OrderId), "QueryPayment");

        Assert.Equal(new PaymentState("PENDING", null), state);
    }

    [Fact]
    public async Task CancelPayment_Paid_NonRetryablePaymentPaid()
    {
        var orderId = await PaidPaymentAsync(88_000m);

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunPaymentAsync(
            a => a.CancelPaymentAsync(new CancelPaymentInput(orderId, "The payment deadline passed.", true)), "CancelPayment"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("PAYMENT_PAID", failure.ErrorType);
        Assert.Equal(StoredPaymentStatus.Paid, (await services.StoredPaymentAsync(orderId))?.Status);
    }

    [Fact]
    public async Task CancelPayment_Pending_Cancelled()
    {
        var input = PaymentInput(61_000m);
        await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");

        var state = await RunPaymentAsync(a => a.CancelPaymentAsync(new CancelPaymentInput(input.OrderId, "Cancelled by the customer.", false)), "CancelPayment");

        Assert.Equal(new PaymentState("CANCELLED", null), state);
    }

    [Fact]
    public async Task RefundPayment_Paid_RefundRequestedOnce()
    {
        var orderId = await PaidPaymentAsync(120_000m);
        var before = await services.Sandbox.Control.GetRequestCountsAsync();

        var state = await RunPaymentAsync(a => a.RefundPaymentAsync(new RefundPaymentInput(orderId, "No stock.")), "RefundPayment");
        var repeated = await RunPaymentAsync(a => a.RefundPaymentAsync(new RefundPaymentInput(orderId, "No stock.")), "RefundPayment");

        Assert.Contains(state.Status, new[] { "REFUND_PENDING", "REFUNDED" });
        Assert.Contains(repeated.Status, new[] { "REFUND_PENDING", "REFUNDED" });
        Assert.NotNull(state.ZpTransId);
        Assert.Equal(1, (await services.Sandbox.Control.GetRequestCountsAsync()).RefundsCreated - before.RefundsCreated);
    }

    [Fact]
    public async Task RefundPayment_NotPaid_NonRetryable()
    {
        var input = PaymentInput(30_000m);
        await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunPaymentAsync(
            a => a.RefundPaymentAsync(new RefundPaymentInput(input.OrderId, "No stock.")), "RefundPayment"));

        Assert.True(failure.NonRetryable);
        Assert.Equal("PAYMENT_NOT_PAID", failure.ErrorType);
    }

    private Task<T> RunOrderAsync<T>(Func<OrderActivities, Task<T>> activity, string type) => services.RunAsync(type, activity);

    private Task<T> RunInventoryAsync<T>(Func<InventoryActivities, Task<T>> activity, string type) => services.RunAsync(type, activity);

    private Task<T> RunPaymentAsync<T>(Func<PaymentActivities, Task<T>> activity, string type) => services.RunAsync(type, activity);

    /// <summary>A PENDING order of <paramref name="quantity"/> units of a new product with <paramref name="stock"/> on hand.</summary>
    private async Task<Order> SeedOrderAsync(int quantity, int stock = 10)
    {
        var productId = await services.CreateProductAsync("Phin filter", stock);
        return await services.SeedOrderAsync(CustomerId, new OrderLine(productId, "Phin filter", 75_000m, quantity));
    }

    private async Task<(Order Order, Guid ProductId)> ReservedOrderAsync(int quantity, int stock)
    {
        var order = await SeedOrderAsync(quantity, stock);
        var productId = order.Lines[0].ProductId;
        Assert.Equal("HELD", await RunInventoryAsync(
            a => a.ReserveAsync(new ReserveInput(order.Id, [new OrderItem(productId, "Phin filter", quantity)])), "Reserve"));
        Assert.Equal(quantity, (await services.StockAsync(productId)).Reserved);
        return (order, productId);
    }

    private static CreatePaymentInput PaymentInput(decimal amount)
    {
        var orderId = Guid.NewGuid();
        var code = $"SHP-{orderId.ToString("N")[..8].ToUpperInvariant()}";
        return new CreatePaymentInput(orderId, code, CustomerId, amount, "VND", $"Shop order {code}");
    }

    /// <summary>The ZaloPay order payments made for the order (the activity does not return it).</summary>
    private async Task<string> AppTransIdAsync(Guid orderId)
        => (await services.StoredPaymentAsync(orderId))?.CurrentAttempt.AppTransId
            ?? throw new InvalidOperationException($"Payments has no payment for order {orderId}.");

    /// <summary>A payment the customer paid at the sandbox, its callback delivered to payments.</summary>
    private async Task<Guid> PaidPaymentAsync(decimal amount)
    {
        var input = PaymentInput(amount);
        await RunPaymentAsync(a => a.CreatePaymentAsync(input), "CreatePayment");
        var outcome = await services.Sandbox.Control.PayAsync(await AppTransIdAsync(input.OrderId));
        Assert.Contains(outcome.Deliveries, d => d.ReturnCode == 1);
        return input.OrderId;
    }
}
