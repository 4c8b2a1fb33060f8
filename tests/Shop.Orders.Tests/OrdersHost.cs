using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Events;
using Shop.Orders.Grpc;
using Shop.Orders.Ordering;
using Shop.Orders.Tests.Storage;
using Shop.ServiceDefaults;
using Shop.Testing.Auth;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;

namespace Shop.Orders.Tests;

/// <summary>
/// The orders service on real ports over a migrated PostgreSQL database, its tokens checked against
/// a JWKS the tests sign with. A second instance on the same database can be started to test the
/// backplane.
/// </summary>
public class OrdersHost : OrdersDatabase
{
    private readonly List<TestServiceHost> _hosts = [];
    private TestServiceHost? _jwks;

    public TestTokenIssuer Tokens { get; } = new();

    public TestServiceHost Host => _hosts[0];

    /// <summary>Extra settings for the service, such as the products gRPC address.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Where services find the test issuer's keys.</summary>
    public string JwksUrl => new Uri(_jwks!.HttpAddress, "/.well-known/jwks.json").ToString();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await StartJwksAsync();
        _hosts.Add(await StartInstanceAsync());
    }

    /// <summary>Serves the issuer's JWKS; idempotent, so a subclass may start it earlier.</summary>
    protected async Task StartJwksAsync()
        => _jwks ??= await TestServiceHost.StartAsync(
            _ => { },
            app => app.MapGet("/.well-known/jwks.json", () => Results.Text(Tokens.JwksJson, "application/json")));

    /// <summary>Another instance of the service on the same database.</summary>
    public async Task<TestServiceHost> StartInstanceAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:orders"] = ConnectionString,
            ["Shop:Auth:JwksUrl"] = JwksUrl,
            ["Shop:Services:products:Grpc"] = "https://127.0.0.1:1",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        var host = await TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddOrders();
                ConfigureServices(builder.Services);
            },
            app => app.MapOrders(),
            settings,
            identity: ShopServices.Orders);
        var listening = host.Services.GetService<PostgresOrderEvents>()?.Listening ?? host.GetRequiredService<RedisOrderEvents>().Listening;
        await listening.WaitAsync(TimeSpan.FromSeconds(10));
        if (_hosts.Count > 0)
        {
            _hosts.Add(host);
        }

        return host;
    }

    public GraphQLHttpClient Client(string? token) => new(Host.CreateHttpClient()) { AccessToken = token };

    /// <summary>The orders service as the orchestrator, its only allowed caller, calls it.</summary>
    public OrdersService.OrdersServiceClient Grpc(TestServiceHost? host = null) => new((host ?? Host).GrpcChannel(ShopServices.Orchestrator));

    /// <summary>Stores a PENDING order for <paramref name="customerId"/> directly, as placement would.</summary>
    public async Task<Ordering.Order> SeedOrderAsync(Guid customerId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var order = OrderFactory.New(customerId);
        return await scope.ServiceProvider.GetRequiredService<IOrderRepository>().AddAsync(order, default);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }

        Tokens.Dispose();
        await base.DisposeAsync();
    }
}
