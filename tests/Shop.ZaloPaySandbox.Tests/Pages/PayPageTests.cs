using System.Net;
using System.Web;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Pages;

public sealed class PayPageTests : SandboxTest
{
    [Fact]
    public async Task Page_PendingOrder_ShowsEncodedDescriptionAmountAndButtons()
    {
        var appTransId = MerchantApi.NewAppTransId();
        var created = await Api.CreateAsync(appTransId, Receiver.Url, description: "<script>alert('x')</script> & Trà sữa");

        var html = await Http.GetStringAsync(new Uri(created.Text("order_url")));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; ", html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script> & Trà sữa", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("50.000 VND", html, StringComparison.Ordinal);
        Assert.Contains(">Pay</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Fail</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayButton_SendsCallbackThenRedirectsWithChecksum()
    {
        var appTransId = MerchantApi.NewAppTransId();
        var created = await Api.CreateAsync(appTransId, Receiver.Url, """{"redirecturl":"https://shop.example/orders/42"}""");

        using var response = await Http.PostAsync($"{new Uri(created.Text("order_url")).AbsolutePath}/pay", null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("https://shop.example/orders/42", location.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal((appTransId, "1", "50000"), (query["apptransid"], query["status"], query["amount"]));
        var signed = string.Join('|', new[] { "appid", "apptransid", "pmcid", "bankcode", "amount", "discountamount", "status" }.Select(name => query[name]));
        Assert.Equal(MerchantApi.Sign(Api.Merchant.Key2, signed), query["checksum"]);
        Assert.Single(Receiver.Received);
        Assert.Equal(1, (await Api.QueryAsync(appTransId)).ReturnCode());
    }

    [Fact]
    public async Task FailButton_FailsOrderWithoutCallback()
    {
        var appTransId = MerchantApi.NewAppTransId();
        var created = await Api.CreateAsync(appTransId, Receiver.Url);

        using var response = await Http.PostAsync($"{new Uri(created.Text("order_url")).AbsolutePath}/fail", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await Api.QueryAsync(appTransId)).ReturnCode());
        Assert.Empty(Receiver.Received);
    }

    [Fact]
    public async Task Page_PaidOrder_NoButtons()
    {
        var appTransId = MerchantApi.NewAppTransId();
        var created = await Api.CreateAsync(appTransId, Receiver.Url);
        await Sandbox.Control.PayAsync(appTransId);

        var html = await Http.GetStringAsync(new Uri(created.Text("order_url")));

        Assert.DoesNotContain("<button", html, StringComparison.Ordinal);
        Assert.Contains("Paid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_UnknownToken_NotFound()
    {
        using var response = await Http.GetAsync("/pay/0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
