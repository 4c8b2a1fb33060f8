using Shop.Payments.ZaloPay;

namespace Shop.Payments.Tests.Domain;

public sealed class ZaloPayMacTests
{
    // ZaloPay's published callback sample (docs.zalopay.vn, "Callback"), signed with the public
    // sandbox merchant's key2.
    private const string SampleKey2 = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz";
    private const string SampleData = """{"app_id":2553,"app_trans_id":"200904_2553_1598435687208","app_time":1599189392817,"app_user":"demo","amount":10000,"embed_data":"{\"merchantinfo\":\"embeddata123\",\"promotioninfo\":\"\"}","item":"[{\"itemid\":\"knb\",\"itemname\":\"kim nguyen bao\",\"itemprice\":198400,\"itemquantity\":1}]","zp_trans_id":200904000000389,"server_time":1599189413498,"channel":38,"merchant_user_id":"7ZMSl3nEg5sOUJzOLSoUFT8xKNQVaLOLXHB--8Eytqc","user_fee_amount":0,"discount_amount":0}""";
    private const string SampleMac = "d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f67";

    [Fact]
    public void Sign_ReproducesZaloPaysPublishedCallbackMac() => Assert.Equal(SampleMac, ZaloPayMac.Sign(SampleKey2, SampleData));

    [Fact]
    public void Verify_AcceptsThePublishedMac_InEitherCase()
    {
        Assert.True(ZaloPayMac.Verify(SampleKey2, SampleData, SampleMac));
        Assert.True(ZaloPayMac.Verify(SampleKey2, SampleData, SampleMac.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("e8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f67")]
    [InlineData("d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f6")]
    [InlineData("d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f6z")]
    [InlineData("")]
    [InlineData(null)]
    public void Verify_RefusesAnythingElse(string? mac) => Assert.False(ZaloPayMac.Verify(SampleKey2, SampleData, mac));

    [Fact]
    public void Verify_RefusesTamperedData()
        => Assert.False(ZaloPayMac.Verify(SampleKey2, SampleData.Replace("10000", "1000", StringComparison.Ordinal), SampleMac));

    [Fact]
    public void Verify_RefusesTheWrongKey() => Assert.False(ZaloPayMac.Verify("PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL", SampleData, SampleMac));
}
