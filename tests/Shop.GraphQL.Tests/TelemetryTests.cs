using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shop.ServiceDefaults.Telemetry;

namespace Shop.GraphQL.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public void AddShopTelemetry_WithAnOtlpEndpoint_RegistersTracingAndMetrics()
    {
        using var provider = Build(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" });

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void AddShopTelemetry_WithoutAnEndpoint_RecordsNothing()
    {
        using var provider = Build([]);

        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddShopTelemetry(configuration, "test").BuildServiceProvider();
    }
}
