using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shop.Payments.Callbacks;
using Shop.Payments.ZaloPay;
using Shop.Testing.ZaloPay;
using Shop.ZaloPaySandbox.Api;
using Shop.ZaloPaySandbox.Control;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Interop;

/// <summary>The payments service's own ZaloPay client against the sandbox: if these pass, the two speak the same API.</summary>
public sealed class PaymentsClientTests : SandboxTest
{
    private HttpClient? _clientHttp;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sandbox:RefundSettleDelay"] = "00:00:00.200" };

    private ZaloPayClient Client { get; set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clientHttp = new HttpClient { BaseAddress = new Uri(Sandbox.BaseAddress, "/") };
        var merchant = ZaloPaySandboxHost.Merchant;
        var options = Options.Create(new ZaloPayOptions
        {
            BaseUrl = Sandbox.BaseAddress,
            AppId = merchant.AppId,
            Key1 = merchant.Key1,
            Key2 = merchant.Key2,
            CallbackUrl = Receiver.Url,
        });
        Client = new ZaloPayClient(_clientHttp, options, TimeProvider.System, NullLogger<ZaloPayClient>.Instance);
    }

    public override async ValueTask DisposeAsync()
    {
        _clientHttp?.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ZaloPayClient_CreatePayQueryRefundQueryRefund_AgreesWithTheSandbox()
    {
        var order = NewOrder();

        var created = await Client.CreateAsync(order, CancellationToken.None);
        Assert.Equal(CreateOutcome.Created, created.Outcome);
        Assert.StartsWith(Sandbox.BaseAddress.ToString().TrimEnd('/'), created.OrderUrl, StringComparison.Ordinal);
        Assert.NotNull(created.ZpTransToken);
        Assert.NotNull(created.QrCode);
        Assert.Equal(ZaloPayPaymentState.Pending, (await Client.QueryAsync(order.AppTransId, CancellationToken.None)).State);

        await Sandbox.Control.PayAsync(order.AppTransId);
        var callback = Assert.Single(Receiver.Received);
        var envelope = JsonSerializer.Deserialize<ZaloPayCallback>(callback.Body)!;
        Assert.True(ZaloPayMac.Verify(ZaloPaySandboxHost.Merchant.Key2, envelope.Data!, envelope.Mac));
        var data = JsonSerializer.Deserialize<ZaloPayCallbackData>(envelope.Data!)!;
        Assert.Equal((order.AppTransId, order.Amount, 2553L), (data.AppTransId, data.Amount, data.AppId));

        var status = await Client.QueryAsync(order.AppTransId, CancellationToken.None);
        Assert.Equal(ZaloPayPaymentState.Paid, status.State);
        Assert.Equal(data.ZpTransIdText, status.ZpTransId);
        Assert.Equal(order.Amount, status.Amount);
        Assert.NotNull(status.PaidAt);

        var mRefundId = ZaloPayIds.NewRefundId(2553, DateTimeOffset.UtcNow);
        var refund = await Client.RefundAsync(mRefundId, status.ZpTransId!, order.Amount, "Order cancelled", CancellationToken.None);
        Assert.Equal(ZaloPayRefundState.Processing, refund.State);
        Assert.NotNull(refund.RefundId);

        // The refund settles asynchronously; poll as the payments service's reconciliation does.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        ZaloPayRefundAnswer settled;
        while ((settled = await Client.QueryRefundAsync(mRefundId, CancellationToken.None)).State != ZaloPayRefundState.Refunded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(ZaloPayRefundState.Refunded, settled.State);
        Assert.Equal(refund.RefundId, settled.RefundId);
    }

    [Fact]
    public async Task ZaloPayClient_CreateTwice_SecondIsDuplicate()
    {
        var order = NewOrder();
        await Client.CreateAsync(order, CancellationToken.None);

        var again = await Client.CreateAsync(order, CancellationToken.None);

        Assert.Equal(CreateOutcome.Duplicate, again.Outcome);
    }

    [Fact]
    public async Task ZaloPayClient_ExpiredOrder_QuerySaysExpired()
    {
        var order = NewOrder();
        await Client.CreateAsync(order, CancellationToken.None);
        await Sandbox.Control.ExpireAsync(order.AppTransId);

        var status = await Client.QueryAsync(order.AppTransId, CancellationToken.None);

        Assert.Equal(ZaloPayPaymentState.Failed, status.State);
        Assert.True(status.Expired);
    }

    [Fact]
    public async Task ZaloPayClient_SandboxAnswers500_Unavailable()
    {
        await Sandbox.Control.SetFaultAsync(ApiEndpoint.Query, FaultMode.Http500, count: 1);

        await Assert.ThrowsAsync<ZaloPayUnavailableException>(() => Client.QueryAsync(MerchantApi.NewAppTransId(), CancellationToken.None));
    }

    [Fact]
    public async Task ZaloPayClient_WrongKey1_CreateRefused()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Sandbox.BaseAddress, "/") };
        var merchant = ZaloPaySandboxHost.Merchant;
        var options = Options.Create(new ZaloPayOptions
        {
            BaseUrl = Sandbox.BaseAddress, AppId = merchant.AppId, Key1 = "not-the-key", Key2 = merchant.Key2, CallbackUrl = Receiver.Url,
        });
        var forged = new ZaloPayClient(http, options, TimeProvider.System, NullLogger<ZaloPayClient>.Instance);

        var created = await forged.CreateAsync(NewOrder(), CancellationToken.None);

        Assert.Equal(CreateOutcome.Refused, created.Outcome);
        Assert.Equal(0, (await Sandbox.Control.GetRequestCountsAsync()).OrdersCreated);
    }

    private static ZaloPayOrder NewOrder()
        => new(
            ZaloPayIds.NewAppTransId("SHP-7K3F9Q2M", 1, DateTimeOffset.UtcNow), "customer-1", DateTimeOffset.UtcNow, 125_000, "Shop order SHP-7K3F9Q2M",
            """[{"itemid":"p1","itemname":"Tea","itemprice":125000,"itemquantity":1}]""", """{"redirecturl":"http://127.0.0.1:4000/orders"}""");
}
