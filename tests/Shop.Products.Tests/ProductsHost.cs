using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.Products.Grpc;
using Shop.Products.Inventory;
using Shop.ServiceDefaults;
using Shop.Testing.Auth;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;

namespace Shop.Products.Tests;

/// <summary>
/// The products service as it runs, on real ports with its own Add/Map methods, on a fresh
/// PostgreSQL database, validating tokens from a test issuer's JWKS. EF Core's commands are counted.
/// </summary>
public class ProductsHost : PostgresDatabase
{
    private TestServiceHost? _jwks;
    private TestServiceHost? _host;

    public TestTokenIssuer Tokens { get; } = new();

    public CommandCounter Commands { get; } = new();

    public TestServiceHost Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings a fixture overrides, such as demo seeding.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _jwks = await TestServiceHost.StartAsync(_ => { }, app => app.MapGet("/.well-known/jwks.json", () => Results.Text(Tokens.JwksJson, "application/json")));
        _host = await StartServiceAsync();
        await SeedAsync();
    }

    /// <summary>Starts another instance of the service on the same database.</summary>
    public Task<TestServiceHost> StartServiceAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:products"] = ConnectionString,
            ["Shop:Auth:JwksUrl"] = new Uri(_jwks!.HttpAddress, "/.well-known/jwks.json").ToString(),
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddProducts();
                builder.Services.ConfigureDbContext<ProductsDbContext>(options => options.AddInterceptors(Commands));
            },
            app => app.MapProducts(),
            settings,
            identity: ShopServices.Products);
    }

    /// <summary>Data the fixture's tests share, written before the first test.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public GraphQLHttpClient Anonymous() => new(Host.CreateHttpClient());

    public GraphQLHttpClient Customer() => new(Host.CreateHttpClient()) { AccessToken = Tokens.Customer() };

    public GraphQLHttpClient Admin(Guid? adminId = null) => new(Host.CreateHttpClient()) { AccessToken = Tokens.Admin(adminId) };

    /// <summary>The inventory as the orchestrator, its only allowed caller, calls it.</summary>
    public InventoryService.InventoryServiceClient Inventory() => new(Host.GrpcChannel(ShopServices.Orchestrator));

    /// <summary>The catalog lookups as orders, their only allowed caller, calls them.</summary>
    public ProductsService.ProductsServiceClient ProductsGrpc() => new(Host.GrpcChannel(ShopServices.Orders));

    /// <summary>Runs <paramref name="work"/> with a fresh request scope of the service.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<Category> CreateCategoryAsync(string slug, string? name = null)
        => InScopeAsync(services => services.GetRequiredService<CategoryCatalog>().CreateCategoryAsync(slug, name ?? slug, CancellationToken.None));

    /// <summary>Adds a product through the domain, with stock, as an admin would.</summary>
    public async Task<Data.Product> CreateProductAsync(
        string sku, string? name = null, decimal price = 100_000, int stock = 0, bool active = true, IReadOnlyList<Guid>? categoryIds = null, int images = 1)
    {
        var product = await InScopeAsync(services => services.GetRequiredService<ProductCatalog>().CreateProductAsync(
            new NewProduct(
                sku,
                name ?? sku,
                $"About {sku}.",
                price.ToString(CultureInfo.InvariantCulture),
                categoryIds ?? [],
                [.. Enumerable.Range(0, images).Select(i => new ImageDraft($"https://images.shop.example/products/{sku.ToLowerInvariant()}/{i + 1}.jpg", $"{sku} {i + 1}", i == 0))],
                active),
            CancellationToken.None));
        if (stock > 0)
        {
            await InScopeAsync(services => services.GetRequiredService<InventoryLedger>().SetStockAsync(product.Id, stock, "Test stock", null, CancellationToken.None));
        }

        return product;
    }

    /// <summary>A product's stock as stored.</summary>
    public Task<StockLevel> StockAsync(Guid productId)
        => InScopeAsync(services => services.GetRequiredService<ProductsDbContext>().Stock.AsNoTracking().SingleAsync(s => s.ProductId == productId));

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }

        Tokens.Dispose();
        await base.DisposeAsync();
    }
}
