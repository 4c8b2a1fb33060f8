using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Temporalio.Client;

namespace Shop.ServiceDefaults.Temporal;

public static class TemporalClientExtensions
{
    /// <summary>True when <c>Temporal:Address</c> names a server; without it, nothing talks to Temporal.</summary>
    public static bool HasTemporal(this IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration[$"{TemporalSettings.SectionName}:{nameof(TemporalSettings.Address)}"]);

    /// <summary>
    /// Registers a lazily connecting <see cref="ITemporalClient"/> configured from the <c>Temporal</c>
    /// section (address, namespace, API key, TLS), the one way every Shop process reaches Temporal.
    /// The first call connects; a server that is down fails that call, not the start-up. Starts and
    /// signals carry the caller's trace context (<see cref="TracePropagationInterceptor"/>).
    /// </summary>
    public static OptionsBuilder<TemporalClientConnectOptions> AddShopTemporalClient(
        this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TemporalSettings.SectionName).Get<TemporalSettings>() ?? new TemporalSettings();
        if (string.IsNullOrWhiteSpace(settings.Address))
        {
            throw new InvalidOperationException($"Configuration '{TemporalSettings.SectionName}:Address' must name the Temporal frontend (host:port).");
        }

        services.AddSingleton(Options.Create(settings));
        return services.AddTemporalClient(settings.Address, settings.Namespace)
            .Configure(options =>
            {
                Apply(settings, options);
                options.Interceptors = [new TracePropagationInterceptor()];
            });
    }

    /// <summary>Applies API key and TLS settings to connection options.</summary>
    public static void Apply(TemporalSettings settings, TemporalConnectionOptions options)
    {
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            options.ApiKey = settings.ApiKey;
        }

        var tls = settings.Tls;
        if (settings.ApiKey is not null || tls.IsOn)
        {
            // An API key travels only over TLS.
            options.Tls = new TlsOptions
            {
                ServerRootCACert = Read(tls.CaPath),
                ClientCert = Read(tls.CertificatePath),
                ClientPrivateKey = Read(tls.KeyPath),
                Domain = tls.Domain,
            };
        }
    }

    private static byte[]? Read(string? path) => string.IsNullOrWhiteSpace(path) ? null : File.ReadAllBytes(path);
}
