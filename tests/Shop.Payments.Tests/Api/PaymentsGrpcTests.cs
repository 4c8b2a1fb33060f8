using Grpc.Core;
using Shop.Payments.Grpc;
using Shop.ServiceDefaults.Grpc;
using Shop.Testing;

namespace Shop.Payments.Tests.Api;

/// <summary>Order processing's gRPC view of payments, round-tripping through the ZaloPay sandbox.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class PaymentsGrpcTests(PaymentsHost payments)
{
    [Fact]
    public async Task CreatePayment_ReturnsAPendingPaymentWithWhereToPay()
    {
        var request = PaymentsHost.NewRequest(129_000);

        var payment = await payments.Grpc().CreatePaymentAsync(request);

        Assert.Equal(PaymentStatus.Pending, payment.Status);
        Assert.Equal(129_000m, payment.Amount.ToDecimal());
        Assert.StartsWith(payments.Sandbox.BaseAddress.ToString(), payment.OrderUrl, StringComparison.Ordinal);
        Assert.Matches(@"^\d{6}_", payment.AppTransId);
        var atZaloPay = await payments.Sandbox.Control.GetOrderAsync(payment.AppTransId);
        Assert.NotNull(atZaloPay);
        Assert.Equal(129_000, atZaloPay.Amount);
        Assert.Equal(request.CustomerId, payment.CustomerId);
    }

    [Fact]
    public async Task CreatePayment_ConcurrentRepeats_OneZaloPayOrder()
    {
        var request = PaymentsHost.NewRequest();
        var before = await payments.Sandbox.Control.GetRequestCountsAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            await payments.Grpc().CreatePaymentAsync(request, deadline: DateTime.UtcNow.AddSeconds(30))));

        Assert.Single(created.Select(p => p.AppTransId).Distinct());
        var after = await payments.Sandbox.Control.GetRequestCountsAsync();
        Assert.Equal(1, after.OrdersCreated - before.OrdersCreated);
    }

    [Theory]
    [InlineData("150000.5", "VND", "INVALID_AMOUNT")]
    [InlineData("0", "VND", "INVALID_AMOUNT")]
    [InlineData("-5000", "VND", "INVALID_AMOUNT")]
    [InlineData("150000", "USD", "INVALID_AMOUNT")]
    public async Task CreatePayment_BadAmount_InvalidArgumentAndNothingCreated(string amount, string currency, string reason)
    {
        var request = PaymentsHost.NewRequest();
        request.Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture).ToMoney(currency);
        var before = await payments.Sandbox.Control.GetRequestCountsAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => payments.Grpc().CreatePaymentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(reason, refused.Reason());
        Assert.Equal(before.Create, (await payments.Sandbox.Control.GetRequestCountsAsync()).Create);
        var missing = await Assert.ThrowsAsync<RpcException>(() => payments.Grpc().QueryPaymentAsync(new QueryPaymentRequest { OrderId = request.OrderId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("Shop\u0001order", 0)]
    [InlineData("Shop\u200Border", 0)]
    [InlineData("Shop\u202Eorder", 0)]
    [InlineData("Shop", 253)]
    public async Task CreatePayment_BadDescription_InvalidTextAndNothingCreated(string description, int padding)
    {
        var request = PaymentsHost.NewRequest();
        request.Description = description + new string('x', padding);
        var before = await payments.Sandbox.Control.GetRequestCountsAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => payments.Grpc().CreatePaymentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("INVALID_TEXT", refused.Reason());
        Assert.Equal(before.Create, (await payments.Sandbox.Control.GetRequestCountsAsync()).Create);
    }

    [Fact]
    public async Task CreatePayment_MalformedOrderId_InvalidArgument()
    {
        var request = PaymentsHost.NewRequest();
        request.OrderId = "order-1";

        var refused = await Assert.ThrowsAsync<RpcException>(() => payments.Grpc().CreatePaymentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("INVALID_ID", refused.Reason());
    }

    [Fact]
    public async Task CreatePayment_SameOrderAnotherAmount_AlreadyExists()
    {
        var request = PaymentsHost.NewRequest(100_000);
        await payments.Grpc().CreatePaymentAsync(request);
        request.Amount = 90_000m.ToMoney("VND");

        var refused = await Assert.ThrowsAsync<RpcException>(() => payments.Grpc().CreatePaymentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
        Assert.Equal("PAYMENT_CONFLICT", refused.Reason());
    }

    [Fact]
    public async Task Pay_CallbackRecordsPaid_AndTellsTheWorkflowOnce()
    {
        var payment = await payments.CreateAsync();
        var orderId = Guid.Parse(payment.OrderId);

        var outcome = await payments.Sandbox.Control.PayAsync(payment.AppTransId);

        Assert.Contains(outcome.Deliveries, d => d.ReturnCode == 1);
        var paid = await payments.Grpc().QueryPaymentAsync(new QueryPaymentRequest { OrderId = payment.OrderId });
        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Equal(outcome.Order.ZpTransId?.ToString(System.Globalization.CultureInfo.InvariantCulture), paid.ZpTransId);
        var told = Assert.Single(payments.Events.For(orderId));
        Assert.Equal(Paying.PaymentStatus.Paid, told.Status);
    }

    [Fact]
    public async Task QueryPayment_CallbackLost_FindsTheMoney()
    {
        var payment = await payments.CreateAsync();
        await payments.Sandbox.Control.SetCallbacksAsync(ZaloPaySandbox.Callbacks.CallbackMode.Drop);
        await payments.Sandbox.Control.PayAsync(payment.AppTransId);
        Assert.Equal(Paying.PaymentStatus.Pending, (await Stored(payment)).Status);

        var found = await payments.Grpc().QueryPaymentAsync(new QueryPaymentRequest { OrderId = payment.OrderId });

        Assert.Equal(PaymentStatus.Paid, found.Status);
        Assert.Single(payments.Events.For(Guid.Parse(payment.OrderId)));
    }

    [Fact]
    public async Task QueryPayment_NotPaidYet_StaysPending()
    {
        var payment = await payments.CreateAsync();

        var found = await payments.Grpc().QueryPaymentAsync(new QueryPaymentRequest { OrderId = payment.OrderId });

        Assert.Equal(PaymentStatus.Pending, found.Status);
        Assert.Empty(payments.Events.For(Guid.Parse(payment.OrderId)));
    }

    [Fact]
    public async Task CancelPayment_Pending_CancelledAndNoLongerPayable()
    {
        var payment = await payments.CreateAsync();

        var cancelled = await payments.Grpc().CancelPaymentAsync(new CancelPaymentRequest { OrderId = payment.OrderId, Reason = "customer cancelled" });
        var again = await payments.Grpc().CancelPaymentAsync(new CancelPaymentRequest { OrderId = payment.OrderId, Reason = "customer cancelled" });

        Assert.Equal(PaymentStatus.Cancelled, cancelled.Status);
        Assert.Equal(PaymentStatus.Cancelled, again.Status);
        Assert.Equal(string.Empty, cancelled.OrderUrl);
    }

    [Fact]
    public async Task CancelPayment_Expired_RecordsExpired()
    {
        var payment = await payments.CreateAsync();

        var expired = await payments.Grpc().CancelPaymentAsync(new CancelPaymentRequest { OrderId = payment.OrderId, Reason = "deadline passed", Expired = true });

        Assert.Equal(PaymentStatus.Expired, expired.Status);
    }

    [Fact]
    public async Task CancelPayment_MoneyArrivedUnheard_FailedPreconditionPaymentPaid()
    {
        var payment = await payments.CreateAsync();
        await payments.Sandbox.Control.SetCallbacksAsync(ZaloPaySandbox.Callbacks.CallbackMode.Drop);
        await payments.Sandbox.Control.PayAsync(payment.AppTransId);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            payments.Grpc().CancelPaymentAsync(new CancelPaymentRequest { OrderId = payment.OrderId, Reason = "deadline passed" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("PAYMENT_PAID", refused.Reason());
        Assert.Equal(Paying.PaymentStatus.Paid, (await Stored(payment)).Status);
    }

    [Fact]
    public async Task LateMoney_AfterCancel_IsRefundedAutomatically()
    {
        var payment = await payments.CreateAsync(88_000);
        await payments.Grpc().CancelPaymentAsync(new CancelPaymentRequest { OrderId = payment.OrderId, Reason = "customer cancelled" });
        var before = await payments.Sandbox.Control.GetRequestCountsAsync();

        var outcome = await payments.Sandbox.Control.PayAsync(payment.AppTransId);

        Assert.Contains(outcome.Deliveries, d => d.ReturnCode == 1);
        Assert.Equal(1, (await payments.Sandbox.Control.GetRequestCountsAsync()).RefundsCreated - before.RefundsCreated);
        var stored = await Stored(payment);
        Assert.Contains(stored.Status, new[] { Paying.PaymentStatus.RefundPending, Paying.PaymentStatus.Refunded });
        Assert.Empty(payments.Events.For(Guid.Parse(payment.OrderId)));
    }

    [Fact]
    public async Task RefundPayment_Paid_RefundsOnceAndEndsRefunded()
    {
        var payment = await payments.CreateAsync(120_000);
        await payments.Sandbox.Control.PayAsync(payment.AppTransId);
        var before = await payments.Sandbox.Control.GetRequestCountsAsync();

        var first = await payments.Grpc().RefundPaymentAsync(new RefundPaymentRequest { OrderId = payment.OrderId, Reason = "out of stock" });
        await payments.Grpc().RefundPaymentAsync(new RefundPaymentRequest { OrderId = payment.OrderId, Reason = "out of stock" });

        Assert.Contains(first.Status, new[] { PaymentStatus.RefundPending, PaymentStatus.Refunded });
        Assert.Equal(1, (await payments.Sandbox.Control.GetRequestCountsAsync()).RefundsCreated - before.RefundsCreated);
        await Eventually.TrueAsync(async () => (await Stored(payment)).Status == Paying.PaymentStatus.Refunded, TimeSpan.FromSeconds(30), "the refund was never confirmed");
    }

    [Fact]
    public async Task RefundPayment_NotPaid_FailedPrecondition()
    {
        var payment = await payments.CreateAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            payments.Grpc().RefundPaymentAsync(new RefundPaymentRequest { OrderId = payment.OrderId, Reason = "why not" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("PAYMENT_NOT_PAID", refused.Reason());
    }

    private Task<Paying.Payment> Stored(Payment payment) => payments.StoredAsync(Guid.Parse(payment.OrderId));
}
