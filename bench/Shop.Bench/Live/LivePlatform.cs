using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders;
using Shop.Payments;
using Shop.Products;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Hosting;
using Shop.Testing.Platform;
using Shop.Testing.Postgres;
using Shop.Testing.ZaloPay;
using Shop.Users;

namespace Shop.Bench.Live;

/// <summary>
/// The platform as <see cref="ShopPlatform"/> wires it (each service on its own database, mutual-TLS
/// gRPC, the gateway with every limit on), except that the orders service runs in a process of its
/// own, as the gateway does, so the memory of both can be read per process. Users, products and
/// payments stay in the benchmark's process: the live figures do not involve them beyond tokens.
/// </summary>
internal sealed class LivePlatform : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        // EF Core logs its probe for the migrations table of a new database as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
    };

    private readonly ServiceGroup _services = new(Quiet);
    private readonly PostgresDatabase _ordersDatabase = new();

    private LivePlatform()
    {
    }

    public TestServiceHost Users { get; private set; } = null!;

    public TestServiceHost Products { get; private set; } = null!;

    public OrdersProcess Orders { get; private set; } = null!;

    public GatewayProcess Gateway { get; private set; } = null!;

    private Uri Jwks => new(Users.HttpAddress, "/.well-known/jwks.json");

    /// <param name="gatewayEnvironment">Gateway settings beyond the deployed defaults.</param>
    public static async Task<LivePlatform> StartAsync(IReadOnlyDictionary<string, string> gatewayEnvironment)
    {
        var platform = new LivePlatform();
        try
        {
            await platform.StartServicesAsync(gatewayEnvironment);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> against the orders database through an orders service started in
    /// this process for the purpose (the service's own repository and migrations), then stops it.
    /// </summary>
    public async Task WithOrdersServicesAsync(Func<IServiceProvider, Task> work)
    {
        var settings = new Dictionary<string, string?>(Quiet)
        {
            ["ConnectionStrings:orders"] = _ordersDatabase.ConnectionString,
            ["Shop:Auth:JwksUrl"] = Jwks.ToString(),
            ["Shop:Services:products:Grpc"] = Products.GrpcAddress.ToString(),
            ["Temporal:Address"] = null,
        };
        await using var orders = await TestServiceHost.StartAsync(b => b.AddOrders(), app => app.MapOrders(), settings, identity: ShopServices.Orders);
        await using var scope = orders.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private async Task StartServicesAsync(IReadOnlyDictionary<string, string> gatewayEnvironment)
    {
        Users = await _services.StartAsync("users", b => b.AddUsers(), app => app.MapUsers(), []);
        Products = await _services.StartAsync("products", b => b.AddProducts(), app => app.MapProducts(), new()
        {
            ["Shop:Auth:JwksUrl"] = Jwks.ToString(),
            ["Shop:Products:SeedDemoCatalog"] = "true",
        });

        await _ordersDatabase.InitializeAsync();
        // Migrated by an in-process instance first, so the process below starts on a ready schema.
        await WithOrdersServicesAsync(_ => Task.CompletedTask);
        Orders = _services.Own(await OrdersProcess.StartAsync(_ordersDatabase.ConnectionString, Jwks, Products.GrpcAddress));

        var sandbox = _services.Own(await ZaloPaySandboxHost.StartAsync());
        var gatewayPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var payments = await _services.StartAsync("payments", b => b.AddPayments(), app => app.MapPayments(), new()
        {
            ["Shop:Auth:JwksUrl"] = Jwks.ToString(),
            ["ZaloPay:BaseUrl"] = sandbox.BaseAddress.ToString(),
            ["ZaloPay:AppId"] = ZaloPaySandboxHost.Merchant.AppId.ToString(CultureInfo.InvariantCulture),
            ["ZaloPay:Key1"] = ZaloPaySandboxHost.Merchant.Key1,
            ["ZaloPay:Key2"] = ZaloPaySandboxHost.Merchant.Key2,
            ["ZaloPay:CallbackUrl"] = $"http://127.0.0.1:{gatewayPort}/payments/zalopay/callback",
            ["Temporal:Address"] = null,
        });

        var environment = new Dictionary<string, string>
        {
            ["GATEWAY_PORT"] = gatewayPort,
            ["JWKS_URL"] = Jwks.ToString(),
            ["SUBGRAPH_USERS_URL"] = Users.GraphQLAddress.ToString(),
            ["SUBGRAPH_PRODUCTS_URL"] = Products.GraphQLAddress.ToString(),
            ["SUBGRAPH_ORDERS_URL"] = Orders.GraphQLAddress.ToString(),
            ["SUBGRAPH_PAYMENTS_URL"] = payments.GraphQLAddress.ToString(),
        };
        foreach (var (key, value) in gatewayEnvironment)
        {
            environment[key] = value;
        }

        Gateway = _services.Own(await GatewayProcess.StartAsync(environment));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _ordersDatabase.DisposeAsync();
    }
}
