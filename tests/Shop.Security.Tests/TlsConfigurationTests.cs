using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Shop.ServiceDefaults;

namespace Shop.Security.Tests;

/// <summary>A service does not start with internal gRPC unprotected by mistake.</summary>
public sealed class TlsConfigurationTests
{
    [Fact]
    public void AddServiceDefaults_TlsDisabledInProduction_IsRefused()
    {
        var builder = Builder("Production", new() { ["Shop:Tls:Disabled"] = "true" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains("Shop:Tls:Disabled", error.Message);
    }

    [Fact]
    public void AddServiceDefaults_TlsDisabledInDevelopment_IsAllowed()
    {
        var builder = Builder("Development", new() { ["Shop:Tls:Disabled"] = "true" });

        var error = Record.Exception(() => builder.AddServiceDefaults());

        Assert.Null(error);
    }

    [Fact]
    public void AddServiceDefaults_NoCertificateConfigured_StopsTheStartUp()
    {
        var builder = Builder("Production", []);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains("Shop:Tls:CertificatePath", error.Message);
    }

    private static WebApplicationBuilder Builder(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:HttpPort"] = "1",
            ["Shop:GrpcPort"] = "2",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
