using Shop.ServiceDefaults;
using Shop.Testing.Hosting;

namespace Shop.Payments.Tests;

/// <summary>The ZaloPay section and the kit's sections as payments wires them: a bad value stops the start and says which.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("ZaloPay:DeadlineMargin", "-00:00:01", "ZaloPay:DeadlineMargin")]
    [InlineData("ZaloPay:Timeout", "00:00:00", "ZaloPay:Timeout")]
    [InlineData("ZaloPay:ExpireSeconds", "10", "ExpireSeconds")]
    [InlineData("ZaloPay:MaxRetries", "-1", "MaxRetries")]
    [InlineData("ZaloPay:AppId", "0", "AppId")]
    [InlineData("ZaloPay:Key1", "", "Key1")]
    [InlineData("Shop:GraphQL:MaxAliases", "-1", "MaxAliases")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        var failure = await StartFailure.OfAsync(() => TestServiceHost.StartAsync(
            builder => builder.AddPayments(),
            app => app.MapPayments(),
            new Dictionary<string, string?>
            {
                // Never reached: the start stops before the first connection or ZaloPay call.
                ["ConnectionStrings:payments"] = "Host=127.0.0.1;Port=1;Database=unused",
                ["ZaloPay:BaseUrl"] = "http://127.0.0.1:1",
                ["ZaloPay:AppId"] = "2553",
                ["ZaloPay:Key1"] = "key1",
                ["ZaloPay:Key2"] = "key2",
                ["ZaloPay:CallbackUrl"] = "http://127.0.0.1:1/zalopay/callback",
                [key] = value,
            },
            identity: ShopServices.Payments));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
