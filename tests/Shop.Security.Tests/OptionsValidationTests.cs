using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults;
using Shop.Testing;

namespace Shop.Security.Tests;

/// <summary>Settings that cannot work stop the start-up with the setting's name, not the first request.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Shop:Auth:JwksUrl", "jwks.json", "JwksUrl")]
    [InlineData("Shop:Auth:KeyRefreshMinInterval", "-00:00:01", "KeyRefreshMinInterval must not be negative")]
    public async Task Start_WithASettingThatCannotWork_FailsNamingIt(string key, string value, string named)
    {
        var builder = Builder(key, value);
        builder.AddServiceDefaults();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shop:BindAddress", "localhost", "Shop:BindAddress")]
    [InlineData("Shop:HttpPort", "70000", "Shop:HttpPort")]
    public void AddServiceDefaults_WithAListeningSettingThatCannotWork_FailsNamingIt(string key, string value, string named)
    {
        var builder = Builder(key, value);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static WebApplicationBuilder Builder(string key, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:HttpPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shop:Tls:Disabled"] = "true",
            [key] = value,
        });
        return builder;
    }
}
