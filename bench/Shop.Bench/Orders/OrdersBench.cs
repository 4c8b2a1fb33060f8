using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders;
using Shop.Products;
using Shop.Products.Data;
using Shop.ServiceDefaults;
using Shop.Testing.Auth;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;

namespace Shop.Bench.Orders;

/// <summary>
/// An orders service on a fresh database with a JWKS for the tokens the benchmark signs, and, when
/// asked, the products service with the demo catalog behind it.
/// </summary>
internal sealed class OrdersBench : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Logging:LogLevel:Default"] = "Error",
        // EF Core logs its probe for the migrations table of a new database as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
    };

    private readonly List<IAsyncDisposable> _owned = [];

    public TestServiceHost Orders { get; private set; } = null!;

    public TestServiceHost? Products { get; private set; }

    public TestTokenIssuer Tokens { get; } = new();

    public static async Task<OrdersBench> StartAsync(bool withProducts = false)
    {
        var bench = new OrdersBench();
        var jwks = await TestServiceHost.StartAsync(_ => { }, app => app.MapGet("/.well-known/jwks.json", () => Results.Text(bench.Tokens.JwksJson, "application/json")));
        bench._owned.Add(jwks);
        var jwksUrl = new Uri(jwks.HttpAddress, "/.well-known/jwks.json").ToString();

        var productsGrpc = "https://127.0.0.1:1";
        if (withProducts)
        {
            var productsDatabase = await bench.DatabaseAsync();
            bench.Products = await TestServiceHost.StartAsync(
                builder => builder.AddProducts(),
                app => app.MapProducts(),
                new Dictionary<string, string?>(Quiet)
                {
                    ["ConnectionStrings:products"] = productsDatabase,
                    ["Shop:Auth:JwksUrl"] = jwksUrl,
                    ["Shop:Products:SeedDemoCatalog"] = "true",
                },
                identity: ShopServices.Products);
            bench._owned.Insert(0, bench.Products);
            productsGrpc = bench.Products.GrpcAddress.ToString();
        }

        var ordersDatabase = await bench.DatabaseAsync();
        bench.Orders = await TestServiceHost.StartAsync(
            builder => builder.AddOrders(),
            app => app.MapOrders(),
            new Dictionary<string, string?>(Quiet)
            {
                ["ConnectionStrings:orders"] = ordersDatabase,
                ["Shop:Auth:JwksUrl"] = jwksUrl,
                ["Shop:Services:products:Grpc"] = productsGrpc,
                // No order processing, whatever the appsettings.json copied next to the benchmark names.
                ["Temporal:Address"] = null,
            },
            identity: ShopServices.Orders);
        bench._owned.Insert(0, bench.Orders);
        return bench;
    }

    /// <summary>The ids of the demo catalog's active products.</summary>
    public async Task<List<Guid>> ProductIdsAsync()
    {
        await using var scope = Products!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        return [.. db.Products.Where(p => p.Active).Select(p => p.Id)];
    }

    private async Task<string> DatabaseAsync()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        _owned.Add(database);
        return database.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        Tokens.Dispose();
    }
}
