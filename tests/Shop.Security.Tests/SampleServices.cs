using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Grpc;
using Shop.ServiceDefaults.Hosting;
using Shop.Testing.Hosting;

namespace Shop.Security.Tests;

/// <summary>A gRPC service somebody forgot to decide on: it has no allow-list at all.</summary>
public sealed class UndecidedHealth : Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
        => Task.FromResult(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving });
}

/// <summary>A class-wide list (orders) with one method that replaces it (payments).</summary>
[AllowedCallers(ShopServices.Orders)]
public sealed class PartlyOpenHealth : Health.HealthBase
{
    [AllowedCallers(ShopServices.Payments)]
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
        => Task.FromResult(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving });

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
        => await responseStream.WriteAsync(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving });
}

/// <summary>Bare hosts with the service defaults (mutual TLS, allow-lists) and one gRPC service.</summary>
public static class SampleHosts
{
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Shop:Auth:JwksUrl"] = "http://127.0.0.1:1/.well-known/jwks.json",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A host serving <typeparamref name="TService"/> on its mutual-TLS gRPC port.</summary>
    public static Task<TestServiceHost> StartAsync<TService>(IReadOnlyDictionary<string, string?>? settings = null)
        where TService : class
        => TestServiceHost.StartAsync(
            builder => builder.AddServiceDefaults(),
            app => app.MapInternalGrpcService<TService>(),
            Settings(settings));

    /// <summary>A host with the standard health endpoints only, as every service has them.</summary>
    public static Task<TestServiceHost> StartWithHealthAsync(IReadOnlyDictionary<string, string?>? settings = null)
        => TestServiceHost.StartAsync(
            builder => builder.AddServiceDefaults(),
            app => app.MapServiceDefaults(),
            Settings(settings));
}
