using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.ZaloPaySandbox;

namespace Shop.Testing.ZaloPay;

/// <summary>
/// The ZaloPay sandbox running in the test process on a real, free loopback port, with its control
/// API at hand. Start one per test class (or per test when the test changes faults or plans).
/// </summary>
public sealed class ZaloPaySandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _controlHttp;

    private ZaloPaySandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        // Paying waits for the callback and its retries, so the control client is patient.
        _controlHttp = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Control = new ZaloPaySandboxControl(_controlHttp);
    }

    /// <summary>The sandbox's default merchant: ZaloPay's public sandbox app 2553 and its published keys.</summary>
    public static ZaloPayMerchant Merchant { get; } = new(2553, "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL", "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz");

    /// <summary>The sandbox's origin: what <c>ZaloPay:BaseUrl</c> points at.</summary>
    public Uri BaseAddress { get; }

    public ZaloPaySandboxControl Control { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the sandbox. <paramref name="settings"/> override <c>Sandbox:*</c> configuration (callback
    /// retries default to 50 ms apart here, to keep tests quick); <paramref name="configureServices"/>
    /// runs after the sandbox's own registrations, e.g. to replace the <see cref="TimeProvider"/>.
    /// </summary>
    public static async Task<ZaloPaySandboxHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        // Another process may take the chosen port before Kestrel binds it; then try another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(FreePort.Next(), settings, configureServices, cancellationToken);
            }
            catch (IOException exception) when (attempt < 3 && exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
            }
        }
    }

    private static async Task<ZaloPaySandboxHost> StartOnAsync(
        int port,
        IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = "Shop.ZaloPaySandbox",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:PublicUrl"] = baseAddress.ToString(),
            ["Sandbox:CallbackRetryDelay"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls(baseAddress.ToString());
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Services.AddZaloPaySandbox(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapZaloPaySandbox();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ZaloPaySandboxHost(app, baseAddress);
    }

    /// <summary>A plain client for the sandbox's origin (the API, the pay page), not following redirects.</summary>
    public HttpClient CreateHttpClient()
        => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        _controlHttp.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
