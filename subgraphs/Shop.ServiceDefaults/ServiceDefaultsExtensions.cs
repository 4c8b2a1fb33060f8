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
    /// The parts every Shop service shares: the host defaults (<see cref="AddHostDefaults{TBuilder}"/>),
    /// the public and the internal port, JWT bearer authentication and the gRPC server. The internal
    /// port requires mutual TLS (<c>Shop:Tls</c>) and every gRPC method its allow-list
    /// (<see cref="AllowedCallersAttribute"/>).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddHostDefaults();
        builder.AddShopPorts();
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
    /// What any Shop process shares, with or without a web surface (the orchestrator's worker, a
    /// tool): the <c>Shop</c> options, JSON console logs, OpenTelemetry, health checks, and the
    /// certificates (<c>Shop:Tls</c>) its gRPC clients present.
    /// </summary>
    public static TBuilder AddHostDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var serviceName = ServiceName(builder.Configuration);
        builder.Services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.SectionName)
            .PostConfigure(o => o.ServiceName ??= serviceName);

        if (builder.Configuration.GetShopTls().Disabled && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Shop:Tls:Disabled is refused in Production: internal gRPC must use mutual TLS.");
        }

        builder.Services.AddShopTls(builder.Configuration);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.Services.AddShopTelemetry(builder.Configuration, serviceName);
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>
    /// Kestrel on <c>Shop:HttpPort</c> (HTTP/1.1) and, when <c>Shop:GrpcPort</c> is set, the internal
    /// gRPC port (HTTP/2) with mutual TLS. The certificates are loaded now, so missing or broken
    /// files stop the start-up, not the first call.
    /// </summary>
    public static WebApplicationBuilder AddShopPorts(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ServiceOptions.SectionName).Get<ServiceOptions>() ?? new ServiceOptions();
        // Checked here, not on start: Kestrel reads them before options validation runs.
        if (options.HttpPort is < 0 or > 65535 || options.GrpcPort is < 0 or > 65535)
        {
            throw new InvalidOperationException("Shop:HttpPort and Shop:GrpcPort are ports: 0 to 65535.");
        }

        if (!IPAddress.TryParse(options.BindAddress, out var address))
        {
            throw new InvalidOperationException($"Shop:BindAddress is an IP address, not '{options.BindAddress}'.");
        }

        var tls = builder.Configuration.GetShopTls();
        var certificates = tls.Disabled || options.GrpcPort <= 0 ? null : new ShopCertificates(tls);
        if (certificates is not null)
        {
            builder.Services.AddSingleton(certificates);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
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
        return builder;
    }

    private static string ServiceName(IConfiguration configuration)
        => configuration.GetSection(ServiceOptions.SectionName).Get<ServiceOptions>()?.ServiceName
            ?? Assembly.GetEntryAssembly()?.GetName().Name
            ?? "shop";

    /// <summary>Authentication, authorization and the health endpoints.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapShopHealth();
        return app;
    }
}
