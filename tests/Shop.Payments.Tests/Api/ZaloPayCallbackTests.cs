using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shop.Payments.Grpc;
using Shop.Testing.ZaloPay;

namespace Shop.Payments.Tests.Api;

/// <summary>
/// <c>POST /zalopay/callback</c> as ZaloPay, a forger and a broken proxy would call it: only a
/// verified callback for one of our attempts and its exact amount changes anything, and only once.
/// </summary>
[Collection(PaymentsCollection.Name)]
public sealed class ZaloPayCallbackTests(PaymentsHost payments)
{
    [Fact]
    public async Task Callback_Verified_RecordsPaidAndRepliesSuccess()
    {
        var payment = await payments.CreateAsync(99_000);

        var reply = await PostAsync(Signed(Data(payment, 99_000)));

        Assert.Equal(1, reply.ReturnCode);
        var stored = await payments.StoredAsync(Guid.Parse(payment.OrderId));
        Assert.Equal(Paying.PaymentStatus.Paid, stored.Status);
        Assert.Equal("240101000000001", stored.ZpTransId);
    }

    [Fact]
    public async Task Callback_ForgedMac_MinusOneAndNothingChanges()
    {
        var payment = await payments.CreateAsync();
        var data = Data(payment, 150_000);
        var forged = new { data, mac = Mac("not-key2", data), type = 1 };

        var reply = await PostAsync(forged);

        Assert.Equal(-1, reply.ReturnCode);
        await AssertUnchangedAsync(payment);
    }

    [Fact]
    public async Task Callback_MacOfOtherData_MinusOne()
    {
        var payment = await payments.CreateAsync();
        var signedFor = Data(payment, 150_000);

        var reply = await PostAsync(new { data = Data(payment, 150_000, zpTransId: 7), mac = Mac(ZaloPaySandboxHost.Merchant.Key2, signedFor), type = 1 });

        Assert.Equal(-1, reply.ReturnCode);
        await AssertUnchangedAsync(payment);
    }

    [Fact]
    public async Task Callback_AnotherAppId_RefusedAndNothingChanges()
    {
        var payment = await payments.CreateAsync();

        var reply = await PostAsync(Signed(Data(payment, 150_000, appId: 9999)));

        Assert.Equal(0, reply.ReturnCode);
        await AssertUnchangedAsync(payment);
    }

    [Fact]
    public async Task Callback_UnknownAppTransId_Refused()
    {
        var payment = await payments.CreateAsync();

        var reply = await PostAsync(Signed(Data(payment, 150_000, appTransId: payment.AppTransId + "x")));

        Assert.Equal(0, reply.ReturnCode);
        await AssertUnchangedAsync(payment);
    }

    [Theory]
    [InlineData(149_999)]
    [InlineData(150_001)]
    [InlineData(1)]
    public async Task Callback_AmountMismatch_RefusedAndNothingChanges(long amount)
    {
        var payment = await payments.CreateAsync(150_000);

        var reply = await PostAsync(Signed(Data(payment, amount)));

        Assert.Equal(0, reply.ReturnCode);
        await AssertUnchangedAsync(payment);
    }

    [Fact]
    public async Task Callback_Repeated_SuccessEachTimeAndOneChange()
    {
        var payment = await payments.CreateAsync();
        var callback = Signed(Data(payment, 150_000));

        var first = await PostAsync(callback);
        var second = await PostAsync(callback);

        Assert.Equal(1, first.ReturnCode);
        Assert.Equal(1, second.ReturnCode);
        await AssertPaidOnceAsync(payment);
    }

    [Fact]
    public async Task Callback_FiftyConcurrentDuplicates_OneChangeOneNotification()
    {
        var payment = await payments.CreateAsync();
        var callback = Signed(Data(payment, 150_000));

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(callback)));

        Assert.All(replies, reply => Assert.Equal(1, reply.ReturnCode));
        await AssertPaidOnceAsync(payment);
    }

    [Fact]
    public async Task Callback_DuplicatedBySandbox_OneNotification()
    {
        var payment = await payments.CreateAsync();
        await payments.Sandbox.Control.SetCallbacksAsync(ZaloPaySandbox.Callbacks.CallbackMode.Duplicate, copies: 5);

        var outcome = await payments.Sandbox.Control.PayAsync(payment.AppTransId);

        Assert.Equal(5, outcome.Deliveries.Count(d => d.ReturnCode == 1));
        Assert.Single(payments.Events.For(Guid.Parse(payment.OrderId)));
    }

    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"data\":\"{}\",\"mac\":\"x\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("data=x&mac=y", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Callback_Malformed_ClearNonOneReply(string body, string contentType, HttpStatusCode status)
    {
        using var http = payments.Host.CreateHttpClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await http.PostAsync("/zalopay/callback", content);

        Assert.Equal(status, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<Reply>();
        Assert.NotEqual(1, reply!.ReturnCode);
        Assert.False(string.IsNullOrWhiteSpace(reply.ReturnMessage));
    }

    [Fact]
    public async Task Callback_Oversized_413AndNothingChanges()
    {
        var payment = await payments.CreateAsync();
        var data = Data(payment, 150_000, padding: new string('a', 20_000));

        using var http = payments.Host.CreateHttpClient();
        using var response = await http.PostAsJsonAsync("/zalopay/callback", Signed(data));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertUnchangedAsync(payment);
    }

    /// <summary>PAID exactly once: one change, no refund, one word to the workflow.</summary>
    private async Task AssertPaidOnceAsync(Payment payment)
    {
        var stored = await payments.StoredAsync(Guid.Parse(payment.OrderId));
        Assert.Equal(Paying.PaymentStatus.Paid, stored.Status);
        Assert.Empty(stored.Refunds);
        Assert.Single(stored.History, change => change.To == Paying.PaymentStatus.Paid);
        Assert.Single(payments.Events.For(stored.OrderId));
    }

    private async Task AssertUnchangedAsync(Payment payment)
    {
        var stored = await payments.StoredAsync(Guid.Parse(payment.OrderId));
        Assert.Equal(Paying.PaymentStatus.Pending, stored.Status);
        Assert.Null(stored.ZpTransId);
        Assert.Empty(payments.Events.For(stored.OrderId));
    }

    private async Task<Reply> PostAsync(object callback)
    {
        using var http = payments.Host.CreateHttpClient();
        using var response = await http.PostAsJsonAsync("/zalopay/callback", callback);
        return (await response.Content.ReadFromJsonAsync<Reply>())!;
    }

    private static object Signed(string data) => new { data, mac = Mac(ZaloPaySandboxHost.Merchant.Key2, data), type = 1 };

    private static string Mac(string key, string data)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data)));

    /// <summary>The <c>data</c> string of a paid order's callback, as ZaloPay sends it.</summary>
    private static string Data(Payment payment, long amount, int? appId = null, string? appTransId = null, long zpTransId = 240101000000001, string? padding = null)
        => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["app_id"] = appId ?? ZaloPaySandboxHost.Merchant.AppId,
            ["app_trans_id"] = appTransId ?? payment.AppTransId,
            ["app_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["app_user"] = payment.CustomerId,
            ["amount"] = amount,
            ["embed_data"] = padding is null ? "{}" : JsonSerializer.Serialize(new { padding }),
            ["item"] = "[]",
            ["zp_trans_id"] = zpTransId,
            ["server_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["channel"] = 38,
            ["merchant_user_id"] = "",
            ["user_fee_amount"] = 0,
            ["discount_amount"] = 0,
        });

    private sealed record Reply(
        [property: System.Text.Json.Serialization.JsonPropertyName("return_code")] int ReturnCode,
        [property: System.Text.Json.Serialization.JsonPropertyName("return_message")] string ReturnMessage);
}
