using Shop.Orders;
using Shop.Products;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;
using Shop.Users;

namespace Shop.Testing.Platform;

/// <summary>
/// Everything a storefront talks to, on real ports: each service on its own PostgreSQL database,
/// wired to the others as in production (JWKS from users, products over mutual-TLS gRPC for orders,
/// each service presenting its own certificate), and the
/// gateway serving the checked-in supergraph with the subgraphs' actual addresses.
/// </summary>
public sealed class ShopPlatform : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        // EF Core logs its probe for the migrations table of a new database as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
    };

    private readonly List<IAsyncDisposable> _owned = [];

    private ShopPlatform()
    {
    }

    public TestServiceHost Users { get; private set; } = null!;

    public TestServiceHost Products { get; private set; } = null!;

    public TestServiceHost Orders { get; private set; } = null!;

    public GatewayProcess Gateway { get; private set; } = null!;

    public const string AdminEmail = "admin@journey.test";
    public const string AdminPassword = "Quiet-Lantern-4711!";

    /// <param name="gatewayEnvironment">Extra gateway settings, such as rate limits.</param>
    public static async Task<ShopPlatform> StartAsync(IReadOnlyDictionary<string, string>? gatewayEnvironment = null)
    {
        var platform = new ShopPlatform();
        try
        {
            await platform.StartServicesAsync(gatewayEnvironment ?? new Dictionary<string, string>());
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task StartServicesAsync(IReadOnlyDictionary<string, string> gatewayEnvironment)
    {
        Users = await StartAsync("users", b => b.AddUsers(), app => app.MapUsers(), new()
        {
            ["Shop:Users:Admin:Email"] = AdminEmail,
            ["Shop:Users:Admin:Password"] = AdminPassword,
        });
        var jwks = new Uri(Users.HttpAddress, "/.well-known/jwks.json").ToString();
        Products = await StartAsync("products", b => b.AddProducts(), app => app.MapProducts(), new()
        {
            ["Shop:Auth:JwksUrl"] = jwks,
            ["Shop:Products:SeedDemoCatalog"] = "true",
        });
        Orders = await StartAsync("orders", b => b.AddOrders(), app => app.MapOrders(), new()
        {
            ["Shop:Auth:JwksUrl"] = jwks,
            ["Shop:Services:products:Grpc"] = Products.GrpcAddress.ToString(),
        });

        var environment = new Dictionary<string, string>
        {
            ["JWKS_URL"] = jwks,
            ["SUBGRAPH_USERS_URL"] = Users.GraphQLAddress.ToString(),
            ["SUBGRAPH_PRODUCTS_URL"] = Products.GraphQLAddress.ToString(),
            ["SUBGRAPH_ORDERS_URL"] = Orders.GraphQLAddress.ToString(),
        };
        foreach (var (key, value) in gatewayEnvironment)
        {
            environment[key] = value;
        }

        Gateway = await GatewayProcess.StartAsync(environment);
        _owned.Insert(0, Gateway);
    }

    private async Task<TestServiceHost> StartAsync(
        string name,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> configure,
        Action<Microsoft.AspNetCore.Builder.WebApplication> map,
        Dictionary<string, string?> settings)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        _owned.Add(database);
        settings[$"ConnectionStrings:{name}"] = database.ConnectionString;
        foreach (var (key, value) in Quiet)
        {
            settings.TryAdd(key, value);
        }

        var host = await TestServiceHost.StartAsync(configure, map, settings, identity: name);
        _owned.Insert(0, host);
        return host;
    }

    /// <summary>A client of the gateway, optionally signed in.</summary>
    public GraphQLHttpClient Client(string? accessToken = null)
        => new(new HttpClient { BaseAddress = Gateway.Address, Timeout = TimeSpan.FromSeconds(30) }) { AccessToken = accessToken };

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
