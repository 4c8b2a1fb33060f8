using Shop.ServiceDefaults;
using Shop.Testing.Hosting;

namespace Shop.Products.Tests;

/// <summary>
/// The products service's settings: its own section holds only a switch, so these are the kit's
/// sections as products wires them; a bad value stops the start and says which.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Shop:GraphQL:MaxSubscriptionsPerUser", "-1", "MaxSubscriptionsPerUser")]
    [InlineData("Shop:GraphQL:MaxFieldCount", "0", "MaxFieldCount")]
    [InlineData("Shop:Auth:KeyMaxAge", "00:00:00", "Shop:Auth:KeyMaxAge")]
    [InlineData("Shop:Tls:ConnectionLifetime", "00:00:00", "Shop:Tls:ConnectionLifetime")]
    [InlineData("Shop:GrpcPort", "-1", "Shop:GrpcPort")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        var failure = await StartFailure.OfAsync(() => TestServiceHost.StartAsync(
            builder => builder.AddProducts(),
            app => app.MapProducts(),
            new Dictionary<string, string?>
            {
                // Never reached: the start stops before the first connection.
                ["ConnectionStrings:products"] = "Host=127.0.0.1;Port=1;Database=unused",
                [key] = value,
            },
            identity: ShopServices.Products));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
