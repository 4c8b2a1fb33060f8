using System.Net.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop.ServiceDefaults.Tls;

public static class TlsExtensions
{
    /// <summary>The <c>Shop:Tls</c> settings of a configuration.</summary>
    public static TlsOptions GetShopTls(this IConfiguration configuration)
        => configuration.GetSection(TlsOptions.SectionName).Get<TlsOptions>() ?? new TlsOptions();

    /// <summary>
    /// Registers the reloading <see cref="ShopCertificates"/> once per container (unless TLS is
    /// disabled); the gRPC server and every Shop gRPC client share it.
    /// </summary>
    public static IServiceCollection AddShopTls(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetShopTls();
        // Checked here, not on start: the certificates are loaded while the host is built.
        if (options.ReloadInterval <= TimeSpan.Zero || options.ConnectionLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Shop:Tls:ReloadInterval and Shop:Tls:ConnectionLifetime must be positive.");
        }

        if (!options.Disabled)
        {
            services.TryAddSingleton(_ => new ShopCertificates(options));
        }

        return services;
    }

    /// <summary>
    /// HTTPS on a listener that requires a client certificate from the deployment CA: any other
    /// connection fails its handshake. The server certificate is chosen per connection, so a
    /// rotated one is used without a restart.
    /// </summary>
    public static ListenOptions UseShopMutualTls(this ListenOptions listen, ShopCertificates certificates)
        => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => certificates.Certificate,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            CheckCertificateRevocation = false,
            // SslStream checked the chain against the machine's roots; only the deployment CA counts.
            ClientCertificateValidation = (certificate, _, _) => certificates.IsTrustedClient(certificate),
        });

    /// <summary>
    /// A handler that presents this service's current certificate on each new connection and trusts
    /// servers of the deployment CA only; connections are recycled after
    /// <paramref name="connectionLifetime"/> so rotated certificates take over.
    /// </summary>
    public static SocketsHttpHandler CreateMutualTlsHandler(this ShopCertificates certificates, TimeSpan connectionLifetime)
        => new()
        {
            PooledConnectionLifetime = connectionLifetime,
            EnableMultipleHttp2Connections = true,
            SslOptions = new SslClientAuthenticationOptions
            {
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificates.Certificate,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => certificates.IsTrustedServer(certificate, errors),
            },
        };
}
