using Shop.Products;
using Shop.ServiceDefaults;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;

namespace Shop.Orders.Tests;

/// <summary>
/// The orders service wired to a real products service (its own database, the same token issuer),
/// so placement snapshots names and prices over real gRPC.
/// </summary>
public sealed class PlacementHost : OrdersHost
{
    private readonly PostgresDatabase _productsDatabase = new();
    private TestServiceHost? _products;

    public TestServiceHost Products => _products ?? throw new InvalidOperationException("Not started.");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shop:Services:products:Grpc"] = Products.GrpcAddress.ToString(),
    };

    public override async ValueTask InitializeAsync()
    {
        await _productsDatabase.InitializeAsync();
        await StartJwksAsync();
        _products = await TestServiceHost.StartAsync(
            builder => builder.AddProducts(),
            app => app.MapProducts(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:products"] = _productsDatabase.ConnectionString,
                ["Shop:Auth:JwksUrl"] = JwksUrl,
            },
            identity: ShopServices.Products);
        await base.InitializeAsync();
    }

    /// <summary>Adds a product through the products service's admin API; returns its id.</summary>
    public async Task<Guid> CreateProductAsync(string name, string price, bool active = true)
    {
        var admin = new GraphQLHttpClient(Products.CreateHttpClient()) { AccessToken = Tokens.Admin() };
        var created = await admin.PostAsync(
            "mutation ($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { code message } } }",
            new { i = new { sku = "SKU-" + Guid.NewGuid().ToString("N")[..10], name, price, active } });
        var product = created.EnsureNoErrors().Data.GetProperty("createProduct").GetProperty("product");
        return product.ValueKind == System.Text.Json.JsonValueKind.Object
            ? Guid.Parse(product.GetProperty("id").GetString()!)
            : throw new InvalidOperationException(created.Raw);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_products is not null)
        {
            await _products.DisposeAsync();
        }

        await _productsDatabase.DisposeAsync();
    }
}
