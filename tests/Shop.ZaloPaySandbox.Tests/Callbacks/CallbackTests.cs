using Shop.Testing;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Callbacks;

public sealed class CallbackTests : SandboxTest
{
    [Fact]
    public async Task Pay_Callback_SignedWithKey2AndCarriesZaloPaysFields()
    {
        var appTransId = await CreateOrderAsync("""{"redirecturl":"https://shop.example/done"}""");

        var paid = await Sandbox.Control.PayAsync(appTransId);

        var callback = Assert.Single(Receiver.Received);
        Assert.StartsWith("application/json", callback.ContentType, StringComparison.Ordinal);
        Assert.Equal(1, callback.Envelope.GetProperty("type").GetInt32());
        Assert.Equal(MerchantApi.Sign(Api.Merchant.Key2, callback.Data), callback.Envelope.GetProperty("mac").GetString());
        Assert.NotEqual(MerchantApi.Sign(Api.Merchant.Key1, callback.Data), callback.Envelope.GetProperty("mac").GetString());
        var data = callback.Fields;
        Assert.Equal(Api.Merchant.AppId, data.GetProperty("app_id").GetInt32());
        Assert.Equal(appTransId, data.GetProperty("app_trans_id").GetString());
        Assert.Equal(MerchantApi.Amount, data.GetProperty("amount").GetInt64());
        Assert.Equal(paid.Order.ZpTransId, data.GetProperty("zp_trans_id").GetInt64());
        Assert.Equal(paid.Order.PaidAt!.Value.ToUnixTimeMilliseconds(), data.GetProperty("server_time").GetInt64());
        Assert.Equal("customer-1", data.GetProperty("app_user").GetString());
        Assert.Equal("""{"redirecturl":"https://shop.example/done"}""", data.GetProperty("embed_data").GetString());
        Assert.StartsWith("[{", data.GetProperty("item").GetString(), StringComparison.Ordinal);
        foreach (var name in new[] { "app_time", "channel", "merchant_user_id", "user_fee_amount", "discount_amount" })
        {
            Assert.True(data.TryGetProperty(name, out _), $"data has no {name}");
        }
    }

    [Fact]
    public async Task Pay_MerchantKeepsAnsweringNon1_FirstAttemptPlusThreeRetries()
    {
        var appTransId = await CreateOrderAsync();
        Receiver.ReplyNext(0, -1, 0, 0, 0, 0);

        var paid = await Sandbox.Control.PayAsync(appTransId);

        Assert.Equal(4, Receiver.Received.Count);
        Assert.Single(Receiver.Received.Select(callback => callback.Body).Distinct());
        Assert.Equal([1, 2, 3, 4], paid.Deliveries.Select(delivery => delivery.Attempt));
        Assert.All(paid.Deliveries, delivery => Assert.NotEqual(1, delivery.ReturnCode));
    }

    [Fact]
    public async Task Pay_MerchantAnswers1OnSecondAttempt_NoMoreRetries()
    {
        var appTransId = await CreateOrderAsync();
        Receiver.ReplyNext(0);

        var paid = await Sandbox.Control.PayAsync(appTransId);

        Assert.Equal(2, Receiver.Received.Count);
        Assert.Equal([0, 1], paid.Deliveries.Select(delivery => delivery.ReturnCode ?? -99));
    }

    [Fact]
    public async Task Pay_MerchantUnreachable_TransportErrorsRetried()
    {
        var appTransId = MerchantApi.NewAppTransId();
        await Api.CreateAsync(appTransId, new Uri($"http://127.0.0.1:{FreePort.Next()}/callback"));

        var paid = await Sandbox.Control.PayAsync(appTransId);

        Assert.Equal(4, paid.Deliveries.Count);
        Assert.All(paid.Deliveries, delivery => Assert.NotNull(delivery.Error));
        Assert.Equal(4, (await Sandbox.Control.GetRequestCountsAsync()).Callbacks);
    }

    [Fact]
    public async Task Pay_AlreadyPaid_RefusedAndNoSecondCallback()
    {
        var appTransId = await CreateOrderAsync();
        var first = await Sandbox.Control.PayAsync(appTransId);

        var second = await Sandbox.Control.PayAsync(appTransId);

        Assert.True(first.Done);
        Assert.False(second.Done);
        Assert.Equal(first.Order.ZpTransId, second.Order.ZpTransId);
        Assert.Single(Receiver.Received);
    }

    [Fact]
    public async Task Pay_OrderWithoutCallbackUrl_PaidWithoutCallback()
    {
        var appTransId = MerchantApi.NewAppTransId();
        await Api.CreateAsync(appTransId);

        var paid = await Sandbox.Control.PayAsync(appTransId);

        Assert.True(paid.Done);
        Assert.Empty(paid.Deliveries);
        Assert.Equal(1, (await Api.QueryAsync(appTransId)).ReturnCode());
    }

    [Fact]
    public async Task Fail_Order_NoCallback()
    {
        var appTransId = await CreateOrderAsync();

        var failed = await Sandbox.Control.FailAsync(appTransId);

        Assert.True(failed.Done);
        await Task.Delay(200);
        Assert.Empty(Receiver.Received);
    }
}
