using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Grpc;
using Shop.ServiceDefaults.Health;
using Shop.ServiceDefaults.Hosting;
using Shop.ServiceDefaults.Telemetry;
using Shop.ServiceDefaults.Tls;

namespace Shop.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// The parts every Shop service shares: the public and the internal port, JSON console logs,
    /// OpenTelemetry, health checks, JWT bearer authentication and the gRPC server. The internal
    /// port requires mutual TLS (<c>Shop:Tls</c>) and every gRPC method its allow-list
    /// (<see cref="AllowedCallersAttribute"/>).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddBasicServiceDefaults();
        var tls = builder.Configuration.GetShopTls();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = false;
            if (!tls.Disabled)
            {
                grpc.Interceptors.Add<AllowedCallersInterceptor>();
            }
        });
        builder.Services.AddShopAuthentication();
        return builder;
    }

    /// <summary>
    /// What a process without a GraphQL or gRPC surface (the orchestrator's worker) shares with the
    /// services: the ports, JSON console logs, OpenTelemetry and health checks, and the
    /// certificates (<c>Shop:Tls</c>) its gRPC clients present.
    /// </summary>
    public static WebApplicationBuilder AddBasicServiceDefaults(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ServiceOptions.SectionName);
        var options = section.Get<ServiceOptions>() ?? new ServiceOptions();
        options.ServiceName ??= Assembly.GetEntryAssembly()?.GetName().Name ?? "shop";
        builder.Services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.SectionName)
            .PostConfigure(o => o.ServiceName ??= options.ServiceName);

        var tls = builder.Configuration.GetShopTls();
        if (tls.Disabled && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Shop:Tls:Disabled is refused in Production: internal gRPC must use mutual TLS.");
        }

        // Created now so missing or broken certificate files stop the start-up, not the first call.
        var certificates = tls.Disabled || options.GrpcPort <= 0 ? null : new ShopCertificates(tls);
        if (certificates is not null)
        {
            builder.Services.AddSingleton(certificates);
        }

        builder.Services.AddShopTls(builder.Configuration);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(options.BindAddress);
            // Without TLS, Kestrel cannot negotiate HTTP/2 next to HTTP/1.1; the public port speaks HTTP/1.1.
            kestrel.Listen(address, options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            if (options.GrpcPort > 0)
            {
                kestrel.Listen(address, options.GrpcPort, listen =>
                {
                    listen.Protocols = HttpProtocols.Http2;
                    if (certificates is not null)
                    {
                        listen.UseShopMutualTls(certificates);
                    }
                });
            }

            kestrel.AddServerHeader = false;
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.Services.AddShopTelemetry(builder.Configuration, options.ServiceName);
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>Authentication, authorization and the health endpoints.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapShopHealth();
        return app;
    }
}
