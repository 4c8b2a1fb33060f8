using System.Net;
using Shop.Testing.ZaloPay;
using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Control;

public sealed class SettingsTests
{
    [Fact]
    public async Task Settings_OtherMerchant_DefaultMerchantRefusedOtherAccepted()
    {
        var other = new ZaloPayMerchant(99, "other-key1", "other-key2");
        await using var sandbox = await ZaloPaySandboxHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:AppId"] = "99", ["Sandbox:Key1"] = other.Key1, ["Sandbox:Key2"] = other.Key2,
        });
        using var http = sandbox.CreateHttpClient();

        var asDefault = await new MerchantApi(http, ZaloPaySandboxHost.Merchant).CreateAsync(MerchantApi.NewAppTransId());
        var asOther = await new MerchantApi(http, other).CreateAsync(MerchantApi.NewAppTransId());

        Assert.Equal(-405, asDefault.SubReturnCode());
        Assert.Equal(1, asOther.ReturnCode());
    }

    [Fact]
    public async Task Settings_ControlDisabled_ControlRoutesNotFound()
    {
        await using var sandbox = await ZaloPaySandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:EnableControl"] = "false" });
        using var http = sandbox.CreateHttpClient();

        using var response = await http.GetAsync("/control/counters");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Create_JsonBody_AcceptedLikeAForm()
    {
        await using var sandbox = await ZaloPaySandboxHost.StartAsync();
        using var http = sandbox.CreateHttpClient();
        var fields = new MerchantApi(http, ZaloPaySandboxHost.Merchant).CreateFields(MerchantApi.NewAppTransId());

        using var response = await http.PostAsync("/v2/create", System.Net.Http.Json.JsonContent.Create(fields));
        var reply = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(1, reply.ReturnCode());
    }
}
