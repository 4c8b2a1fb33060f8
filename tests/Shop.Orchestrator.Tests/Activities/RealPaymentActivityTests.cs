using Shop.Orchestrator.Activities;
using Temporalio.Exceptions;

namespace Shop.Orchestrator.Tests.Activities;

/// <summary>
/// <see cref="PaymentActivities"/> against the real payments service and the ZaloPay sandbox behind
/// it: orders made and paid at ZaloPay, and payments' refusals as non-retryable.
/// </summary>
[Collection(RealServicesCollection.Name)]
public sealed class RealPaymentActivityTests(RealServices services)
{
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
        Assert.Equal(Shop.Payments.Paying.PaymentStatus.Paid, (await services.StoredPaymentAsync(orderId))?.Status);
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

    private Task<T> RunPaymentAsync<T>(Func<PaymentActivities, Task<T>> activity, string type) => services.RunAsync(type, activity);

    private static CreatePaymentInput PaymentInput(decimal amount)
    {
        var orderId = Guid.NewGuid();
        var code = $"SHP-{orderId.ToString("N")[..8].ToUpperInvariant()}";
        return new CreatePaymentInput(orderId, code, RealServices.CustomerId, amount, "VND", $"Shop order {code}");
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
