using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shop.Common.Grpc;
using Shop.Payments.Events;
using Shop.Payments.Grpc;
using Shop.Payments.Tests.Storage;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Auth;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;
using Shop.Testing.ZaloPay;

namespace Shop.Payments.Tests;

/// <summary>
/// The payments service on real ports over a migrated PostgreSQL database, talking to the ZaloPay
/// sandbox over HTTP; the sandbox's callbacks come back to the service's own callback endpoint.
/// What the order's workflow would hear is recorded by <see cref="Events"/>.
/// </summary>
public class PaymentsHost : PaymentsDatabase
{
    private TestServiceHost? _jwks;

    public TestTokenIssuer Tokens { get; } = new();

    public ZaloPaySandboxHost Sandbox { get; private set; } = null!;

    public TestServiceHost Host { get; private set; } = null!;

    public RecordingPaymentEvents Events { get; } = new();

    /// <summary>Extra settings, such as shorter ZaloPay timeouts.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Sandbox = await ZaloPaySandboxHost.StartAsync();
        _jwks = await TestServiceHost.StartAsync(
            _ => { },
            app => app.MapGet("/.well-known/jwks.json", () => Results.Text(Tokens.JwksJson, "application/json")));

        // The callback URL names the service's own port, so it is chosen before the service starts.
        var httpPort = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:payments"] = ConnectionString,
            ["Shop:Auth:JwksUrl"] = new Uri(_jwks.HttpAddress, "/.well-known/jwks.json").ToString(),
            ["Shop:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["ZaloPay:BaseUrl"] = Sandbox.BaseAddress.ToString(),
            ["ZaloPay:AppId"] = ZaloPaySandboxHost.Merchant.AppId.ToString(CultureInfo.InvariantCulture),
            ["ZaloPay:Key1"] = ZaloPaySandboxHost.Merchant.Key1,
            ["ZaloPay:Key2"] = ZaloPaySandboxHost.Merchant.Key2,
            ["ZaloPay:CallbackUrl"] = $"http://127.0.0.1:{httpPort}/zalopay/callback",
            ["ZaloPay:RedirectUrl"] = "https://shop.example/orders",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Host = await TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddPayments();
                builder.Services.AddSingleton<IPaymentEvents>(Events);
            },
            app => app.MapPayments(),
            settings,
            identity: ShopServices.Payments);
    }

    /// <summary>Payments as the orchestrator, its only allowed caller, calls them.</summary>
    public PaymentsService.PaymentsServiceClient Grpc() => new(Host.GrpcChannel(ShopServices.Orchestrator));

    public GraphQLHttpClient Client(string? token) => new(Host.CreateHttpClient()) { AccessToken = token };

    /// <summary>Creates a payment for a new order of <paramref name="amount"/> VND.</summary>
    public async Task<Payment> CreateAsync(long amount = 150_000, Guid? customerId = null, Guid? orderId = null)
        => await Grpc().CreatePaymentAsync(NewRequest(amount, customerId, orderId), deadline: DateTime.UtcNow.AddSeconds(10));

    /// <summary>The payment as stored, read past the API.</summary>
    public async Task<Paying.Payment> StoredAsync(Guid orderId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Paying.IPaymentRepository>().GetAsync(orderId, default)
            ?? throw new InvalidOperationException($"No payment for order {orderId}.");
    }

    public static CreatePaymentRequest NewRequest(long amount = 150_000, Guid? customerId = null, Guid? orderId = null)
    {
        var id = orderId ?? Guid.NewGuid();
        return new CreatePaymentRequest
        {
            OrderId = id.ToString(),
            OrderCode = $"SHOP-{id.ToString("N")[..8].ToUpperInvariant()}",
            CustomerId = (customerId ?? Guid.NewGuid()).ToString(),
            Amount = ((decimal)amount).ToMoney("VND"),
            Description = "Two bowls of phở",
        };
    }

    public override async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        Tokens.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>What the order's workflow would have been told, in order.</summary>
public sealed class RecordingPaymentEvents : IPaymentEvents
{
    public ConcurrentQueue<PaymentSettled> Published { get; } = new();

    public Task PublishAsync(PaymentSettled settled, CancellationToken cancellationToken)
    {
        Published.Enqueue(settled);
        return Task.CompletedTask;
    }

    public IReadOnlyList<PaymentSettled> For(Guid orderId) => [.. Published.Where(p => p.OrderId == orderId)];
}
