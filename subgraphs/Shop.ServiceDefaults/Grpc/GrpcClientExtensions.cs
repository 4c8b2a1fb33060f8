using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults.Tls;

namespace Shop.ServiceDefaults.Grpc;

public static class GrpcClientExtensions
{
    /// <summary>Deadline of a call that does not set its own.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(5);

    // Only UNAVAILABLE is safe to retry blindly: the server did not start the call. Anything else
    // may have had effects, and is the caller's (idempotent, keyed) business to repeat.
    private static readonly ServiceConfig RetryOnTransient = new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 4,
                    InitialBackoff = TimeSpan.FromMilliseconds(100),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };

    /// <summary>
    /// Registers a typed gRPC client for another Shop service, addressed by
    /// <c>Shop:Services:{service}:Grpc</c> (an <c>https://</c> address), with a default deadline and
    /// retries on transient failures. The connection is mutual TLS: this service's certificate from
    /// <c>Shop:Tls</c>, and only servers of the deployment CA trusted; call sites know nothing of it.
    /// </summary>
    public static IHttpClientBuilder AddShopGrpcClient<TClient>(
        this IServiceCollection services, IConfiguration configuration, string service, TimeSpan? deadline = null)
        where TClient : ClientBase
    {
        var key = $"Shop:Services:{service}:Grpc";
        var address = configuration[key]
            ?? throw new InvalidOperationException($"Configuration '{key}' must name the {service} gRPC address.");

        var tls = configuration.GetShopTls();
        services.AddShopTls(configuration);
        var client = services
            .AddGrpcClient<TClient>(options =>
            {
                options.Address = new Uri(address);
                options.ChannelOptionsActions.Add(channel => channel.ServiceConfig = RetryOnTransient);
            })
            .AddInterceptor(() => new DeadlineInterceptor(deadline ?? DefaultDeadline));
        if (!tls.Disabled)
        {
            client.ConfigurePrimaryHttpMessageHandler(provider
                => provider.GetRequiredService<ShopCertificates>().CreateMutualTlsHandler(tls.ConnectionLifetime));
        }

        return client;
    }
}
