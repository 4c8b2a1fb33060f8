using System.Net;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Api;

public sealed class CreateTests : SandboxTest
{
    [Fact]
    public async Task Create_ValidOrder_ReturnsOrderUrlTokenAndQrCodeOnTheSandbox()
    {
        var appTransId = MerchantApi.NewAppTransId();

        var reply = await Api.CreateAsync(appTransId, Receiver.Url);

        Assert.Equal((1, 1), (reply.ReturnCode(), reply.SubReturnCode()));
        var token = reply.Text("zp_trans_token");
        Assert.Equal(new Uri(Sandbox.BaseAddress, $"/pay/{token}"), new Uri(reply.Text("order_url")));
        Assert.False(string.IsNullOrEmpty(reply.Text("qr_code")));
        using var page = await Http.GetAsync(new Uri(reply.Text("order_url")));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var order = await Sandbox.Control.GetOrderAsync(appTransId);
        Assert.Equal((MerchantApi.Amount, token), (order!.Amount, order.ZpTransToken));
    }

    [Fact]
    public async Task Create_SameAppTransIdTwice_SecondRefusedAsDuplicate()
    {
        var appTransId = MerchantApi.NewAppTransId();
        await Api.CreateAsync(appTransId);

        var again = await Api.CreateAsync(appTransId);

        Assert.Equal((2, -68), (again.ReturnCode(), again.SubReturnCode()));
        Assert.Equal(1, (await Sandbox.Control.GetRequestCountsAsync()).OrdersCreated);
    }

    [Fact]
    public async Task Create_SameAppTransIdConcurrently_ExactlyOneCreated()
    {
        var appTransId = MerchantApi.NewAppTransId();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.CreateAsync(appTransId)));

        Assert.Single(replies, reply => reply.ReturnCode() == 1);
        Assert.Equal(19, replies.Count(reply => reply.SubReturnCode() == -68));
    }

    [Theory]
    [InlineData("amount", "0")]
    [InlineData("amount", "12.5")]
    [InlineData("app_trans_id", "not-a-date")]
    [InlineData("item", "{\"not\":\"an array\"}")]
    [InlineData("embed_data", "not json")]
    [InlineData("expire_duration_seconds", "60")]
    [InlineData("callback_url", "ftp://example.com/cb")]
    public async Task Create_InvalidField_RefusedAsInvalidData(string field, string value)
    {
        var fields = Api.CreateFields(MerchantApi.NewAppTransId());
        fields[field] = value;
        // Re-signed, so only the value itself is wrong.
        fields["mac"] = MerchantApi.Sign(Api.Merchant.Key1, string.Join('|', new[] { "app_id", "app_trans_id", "app_user", "amount", "app_time", "embed_data", "item" }.Select(name => fields[name])));

        var reply = await Api.PostAsync("/v2/create", fields);

        Assert.Equal((2, -401), (reply.ReturnCode(), reply.SubReturnCode()));
    }

    [Fact]
    public async Task Create_MissingField_RefusedAsInvalidData()
    {
        var fields = Api.CreateFields(MerchantApi.NewAppTransId());
        fields.Remove("description");

        var reply = await Api.PostAsync("/v2/create", fields);

        Assert.Equal(-401, reply.SubReturnCode());
    }
}
