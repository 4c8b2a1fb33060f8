using Shop.ZaloPaySandbox.Tests.Support;

namespace Shop.ZaloPaySandbox.Tests.Api;

public sealed class MacTests : SandboxTest
{
    public static TheoryData<string, int> Endpoints => new()
    {
        { "/v2/create", 1 },
        { "/v2/query", 1 },
        { "/v2/refund", 3 },
        { "/v2/query_refund", 3 },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_CorrectMac_Accepted(string path, int expected)
    {
        var fields = await FieldsAsync(path);

        var reply = await Api.PostAsync(path, fields);

        Assert.Equal(expected, reply.ReturnCode());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_TamperedMac_RefusedAsInvalidMac(string path, int unused)
    {
        _ = unused;
        var fields = await FieldsAsync(path);
        var mac = fields["mac"];
        fields["mac"] = mac[..^1] + (mac[^1] == '0' ? '1' : '0');

        var reply = await Api.PostAsync(path, fields);

        Assert.Equal((2, -402), (reply.ReturnCode(), reply.SubReturnCode()));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_MacSignedWithKey2_Refused(string path, int unused)
    {
        _ = unused;
        var key1 = Api.Merchant.Key1;
        var fields = await FieldsAsync(path);
        var signedWithKey2 = new MerchantApi(Http, Api.Merchant with { Key1 = Api.Merchant.Key2 });
        var forged = path switch
        {
            "/v2/create" => signedWithKey2.CreateFields(fields["app_trans_id"]),
            "/v2/query" => signedWithKey2.QueryFields(fields["app_trans_id"]),
            "/v2/refund" => signedWithKey2.RefundFields(fields["m_refund_id"], long.Parse(fields["zp_trans_id"], System.Globalization.CultureInfo.InvariantCulture), 1000),
            _ => signedWithKey2.QueryRefundFields(fields["m_refund_id"]),
        };
        Assert.NotEqual(key1, Api.Merchant.Key2);

        var reply = await Api.PostAsync(path, forged);

        Assert.Equal((2, -402), (reply.ReturnCode(), reply.SubReturnCode()));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_UppercaseMac_Refused(string path, int unused)
    {
        _ = unused;
        var fields = await FieldsAsync(path);
        fields["mac"] = fields["mac"].ToUpperInvariant();

        var reply = await Api.PostAsync(path, fields);

        Assert.Equal(-402, reply.SubReturnCode());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WrongAppId_Refused(string path, int unused)
    {
        _ = unused;
        var fields = await FieldsAsync(path);
        fields["app_id"] = "2554";

        var reply = await Api.PostAsync(path, fields);

        Assert.Equal((2, -405), (reply.ReturnCode(), reply.SubReturnCode()));
    }

    [Fact]
    public async Task Create_AmountChangedAfterSigning_RefusedAndNothingCreated()
    {
        var fields = Api.CreateFields(MerchantApi.NewAppTransId());
        fields["amount"] = "1";

        var reply = await Api.PostAsync("/v2/create", fields);

        Assert.Equal(-402, reply.SubReturnCode());
        Assert.Equal(0, (await Sandbox.Control.GetRequestCountsAsync()).OrdersCreated);
        Assert.Null(await Sandbox.Control.GetOrderAsync(fields["app_trans_id"]));
    }

    /// <summary>Valid, correctly signed fields for the endpoint, with whatever it needs to exist first.</summary>
    private async Task<Dictionary<string, string>> FieldsAsync(string path)
    {
        if (path == "/v2/create")
        {
            return Api.CreateFields(MerchantApi.NewAppTransId());
        }

        var appTransId = await CreateOrderAsync();
        if (path == "/v2/query")
        {
            await Sandbox.Control.PayAsync(appTransId);
            return Api.QueryFields(appTransId);
        }

        var zpTransId = (await Sandbox.Control.PayAsync(appTransId)).Order.ZpTransId!.Value;
        var mRefundId = Api.NewRefundId();
        if (path == "/v2/refund")
        {
            return Api.RefundFields(mRefundId, zpTransId, 1000);
        }

        Assert.Equal(3, (await Api.RefundAsync(mRefundId, zpTransId, 1000)).ReturnCode());
        return Api.QueryRefundFields(mRefundId);
    }
}
