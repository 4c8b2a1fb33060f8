using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults.Tls;
using Shop.Testing.Security;

namespace Shop.Testing.Hosting;

/// <summary>
/// A service running in the test process on real Kestrel ports: the public HTTP port and the
/// internal gRPC port, both free loopback ports. Wiring is the service's own extension methods.
/// The gRPC port speaks mutual TLS with the service's certificate from <see cref="TestCertificates"/>;
/// test clients choose which service they present themselves as.
/// </summary>
public sealed class TestServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];

    private TestServiceHost(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        var plain = app.Configuration.GetShopTls().Disabled;
        GrpcAddress = new Uri($"{(plain ? "http" : "https")}://127.0.0.1:{grpcPort}");
    }

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    public IServiceProvider Services => _app.Services;

    public Uri GraphQLAddress => new(HttpAddress, "/graphql");

    public Uri WebSocketAddress => new($"ws://{HttpAddress.Authority}/graphql");

    /// <summary>
    /// Builds and starts a service; <paramref name="settings"/> override configuration.
    /// <paramref name="identity"/> names the certificate the service serves and calls others with
    /// (a <see cref="ServiceDefaults.ShopServices"/> name, or <see cref="TestCertificates.TestHost"/>).
    /// </summary>
    public static async Task<TestServiceHost> StartAsync(
        Action<WebApplicationBuilder> configureBuilder,
        Action<WebApplication> configureApp,
        IReadOnlyDictionary<string, string?>? settings = null,
        string applicationName = "Shop.Testing",
        string identity = TestCertificates.TestHost,
        string environmentName = "Testing")
    {
        // Another test process may bind a port between FreePort's check and this host's bind:
        // then the host is built again on fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(configureBuilder, configureApp, settings, applicationName, identity, environmentName);
            }
            catch (IOException exception) when (attempt < 3 && exception.InnerException is AddressInUseException)
            {
            }
        }
    }

    private static async Task<TestServiceHost> StartOnceAsync(
        Action<WebApplicationBuilder> configureBuilder,
        Action<WebApplication> configureApp,
        IReadOnlyDictionary<string, string?>? settings,
        string applicationName,
        string identity,
        string environmentName)
    {
        var httpPort = FreePort.Next();
        var grpcPort = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environmentName,
            ApplicationName = applicationName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shop:GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shop:BindAddress"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            // The fallback URL below is overridden by services that bind their own ports; that is expected.
            ["Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel"] = "Error",
        });
        builder.Configuration.AddInMemoryCollection(TestCertificates.Shared.Settings(identity));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Services that configure Kestrel themselves override this; bare helper hosts rely on it.
        builder.WebHost.UseUrls($"http://127.0.0.1:{httpPort}");
        configureBuilder(builder);
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        var app = builder.Build();
        configureApp(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        // A caller may have fixed a port in its settings (e.g. one its own callback URL names).
        return new TestServiceHost(app, app.Configuration.GetValue("Shop:HttpPort", httpPort), app.Configuration.GetValue("Shop:GrpcPort", grpcPort));
    }

    /// <summary>An HTTP client for the public port.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// A gRPC channel to the internal port, disposed with the host, presenting the certificate of
    /// <paramref name="caller"/> (a service name or another <see cref="TestCertificates"/> identity;
    /// null: no client certificate at all).
    /// </summary>
    public GrpcChannel GrpcChannel(string? caller)
    {
        var channel = Grpc.Net.Client.GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpHandler = CreateGrpcHandler(caller) });
        _channels.Add(channel);
        return channel;
    }

    /// <summary>
    /// A handler for the internal port that trusts the deployment CA only and presents the
    /// certificate of <paramref name="caller"/> (null: none).
    /// </summary>
    public static SocketsHttpHandler CreateGrpcHandler(string? caller)
    {
        var certificates = TestCertificates.Shared;
        var handler = new ShopCertificates(certificates.Options(caller ?? TestCertificates.TestHost))
            .CreateMutualTlsHandler(TimeSpan.FromMinutes(5));
        if (caller is null)
        {
            handler.SslOptions.LocalCertificateSelectionCallback = null;
        }

        return handler;
    }

    public T GetRequiredService<T>()
        where T : notnull
        => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
