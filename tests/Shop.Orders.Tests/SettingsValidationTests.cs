using Shop.ServiceDefaults;
using Shop.Testing.Hosting;

namespace Shop.Orders.Tests;

/// <summary>
/// The orders service's settings: it has no section of its own, so these are the kit's sections as
/// orders wires them; a bad value stops the start and says which.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Shop:GraphQL:MaxSubscriptionsPerConnection", "-1", "MaxSubscriptionsPerConnection")]
    [InlineData("Shop:GraphQL:SseHeartbeatInterval", "-00:00:01", "Shop:GraphQL:SseHeartbeatInterval")]
    [InlineData("Shop:Auth:ClockSkew", "-00:00:01", "Shop:Auth:ClockSkew")]
    [InlineData("Shop:Tls:ReloadInterval", "00:00:00", "Shop:Tls:ReloadInterval")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        var failure = await StartFailure.OfAsync(() => TestServiceHost.StartAsync(
            builder => builder.AddOrders(),
            app => app.MapOrders(),
            new Dictionary<string, string?>
            {
                // Never reached: the start stops before the first connection.
                ["ConnectionStrings:orders"] = "Host=127.0.0.1;Port=1;Database=unused",
                ["Shop:Services:products:Grpc"] = "https://127.0.0.1:1",
                [key] = value,
            },
            identity: ShopServices.Orders));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
