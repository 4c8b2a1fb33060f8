using Microsoft.AspNetCore.Builder;
using Shop.GraphQL.Tests.Sample;
using Shop.ServiceDefaults;
using Shop.Testing.Hosting;

namespace Shop.GraphQL.Tests;

/// <summary>The kit's settings (Shop:GraphQL, Shop:Auth, Shop:Tls, Shop ports): a bad value stops the start and says which.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Shop:GraphQL:MaxDepth", "0", "MaxDepth")]
    [InlineData("Shop:GraphQL:MaxCost", "-1", "MaxCost")]
    [InlineData("Shop:GraphQL:IntrospectionCostFactor", "2", "IntrospectionCostFactor")]
    [InlineData("Shop:GraphQL:MaxRequestBodySize", "0", "MaxRequestBodySize")]
    [InlineData("Shop:GraphQL:MaxPendingEvents", "0", "MaxPendingEvents")]
    [InlineData("Shop:GraphQL:SseHeartbeatInterval", "00:00:00", "Shop:GraphQL:SseHeartbeatInterval")]
    [InlineData("Shop:GraphQL:WebSocketInitTimeout", "-00:00:01", "Shop:GraphQL:WebSocketInitTimeout")]
    [InlineData("Shop:Auth:ClockSkew", "-00:00:01", "Shop:Auth:ClockSkew")]
    [InlineData("Shop:Auth:KeyMaxAge", "00:00:00", "Shop:Auth:KeyMaxAge")]
    [InlineData("Shop:Auth:JwksUrl", "/.well-known/jwks.json", "Shop:Auth:JwksUrl")]
    [InlineData("Shop:Tls:ReloadInterval", "00:00:00", "Shop:Tls:ReloadInterval")]
    [InlineData("Shop:HttpPort", "70000", "Shop:HttpPort")]
    [InlineData("Shop:BindAddress", "everywhere", "Shop:BindAddress")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        var failure = await StartFailure.OfAsync(() => TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddServiceDefaults();
                builder.Services.AddShopGraphQL<TestSchema>();
            },
            app =>
            {
                app.MapServiceDefaults();
                app.MapShopGraphQL();
            },
            new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
