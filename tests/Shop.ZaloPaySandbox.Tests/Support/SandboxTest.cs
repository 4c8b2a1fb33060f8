using Microsoft.Extensions.DependencyInjection;
using Shop.Testing.ZaloPay;

namespace Shop.ZaloPaySandbox.Tests.Support;

/// <summary>
/// Each test gets its own sandbox and callback receiver on fresh ports (xunit makes a new instance
/// per test), so plans, faults and counters never leak between tests running in parallel.
/// </summary>
public abstract class SandboxTest : IAsyncLifetime
{
    private HttpClient? _http;

    protected ZaloPaySandboxHost Sandbox { get; private set; } = null!;

    protected CallbackReceiver Receiver { get; private set; } = null!;

    protected MerchantApi Api { get; private set; } = null!;

    protected HttpClient Http => _http!;

    /// <summary>Sandbox settings for this class's tests.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        Sandbox = await ZaloPaySandboxHost.StartAsync(Settings, ConfigureServices);
        Receiver = await CallbackReceiver.StartAsync();
        _http = Sandbox.CreateHttpClient();
        Api = new MerchantApi(_http, ZaloPaySandboxHost.Merchant);
    }

    public virtual async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await Receiver.DisposeAsync();
        await Sandbox.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A pending order whose callbacks go to <see cref="Receiver"/>.</summary>
    protected async Task<string> CreateOrderAsync(string embedData = "{}")
    {
        var appTransId = MerchantApi.NewAppTransId();
        var created = await Api.CreateAsync(appTransId, Receiver.Url, embedData);
        Assert.Equal(1, created.ReturnCode());
        return appTransId;
    }
}
