using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders;
using Shop.Orders.Ordering;
using Shop.Payments;
using Shop.Payments.Paying;
using Shop.Products;
using Shop.Products.Catalog;
using Shop.Products.Data;
using Shop.Products.Inventory;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;
using Shop.Testing.Security;
using Shop.Testing.ZaloPay;
using Temporalio.Testing;

namespace Shop.Orchestrator.Tests.Activities;

/// <summary>
/// The real products (inventory), orders and payments services on real Kestrel ports, each on its
/// own PostgreSQL database, payments talking to the ZaloPay sandbox, and the orchestrator's gRPC
/// clients wired as the worker wires them (mutual TLS as "orchestrator").
/// </summary>
public class RealServices : IAsyncLifetime
{
    public static readonly Guid CustomerId = Guid.Parse("2f0c5d7e-8a1b-4c3d-9e4f-5a6b7c8d9e0f");

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        // The output directory's appsettings.json is the orchestrator's: its Temporal address would
        // make orders and payments talk to Temporal. Here nothing does; the activities are the subject.
        ["Temporal:Address"] = string.Empty,
        ["Logging:LogLevel:Default"] = "Warning",
        // EF Core logs its probe for the migrations table of a new database as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
    };

    private readonly ServiceGroup _services = new(Defaults);
    private ServiceProvider? _orchestrator;

    public TestServiceHost Products { get; private set; } = null!;

    public TestServiceHost Orders { get; private set; } = null!;

    public TestServiceHost Payments { get; private set; } = null!;

    public ZaloPaySandboxHost Sandbox { get; private set; } = null!;

    /// <summary>Deadline of each activity's gRPC call (<c>Orchestrator:CallDeadline</c>).</summary>
    public virtual TimeSpan CallDeadline => TimeSpan.FromSeconds(10);

    /// <summary>Extra payments settings, such as shorter ZaloPay timeouts.</summary>
    protected virtual IReadOnlyDictionary<string, string?> PaymentSettings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        Products = await _services.StartAsync(ShopServices.Products, b => b.AddProducts(), app => app.MapProducts(), []);
        Orders = await _services.StartAsync(ShopServices.Orders, b => b.AddOrders(), app => app.MapOrders(), new()
        {
            ["Shop:Services:products:Grpc"] = Products.GrpcAddress.ToString(),
        });

        Sandbox = _services.Own(await ZaloPaySandboxHost.StartAsync());
        // The callback URL names payments' own port, so it is chosen before payments starts.
        var paymentsPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var payments = new Dictionary<string, string?>
        {
            ["Shop:HttpPort"] = paymentsPort,
            ["ZaloPay:BaseUrl"] = Sandbox.BaseAddress.ToString(),
            ["ZaloPay:AppId"] = ZaloPaySandboxHost.Merchant.AppId.ToString(CultureInfo.InvariantCulture),
            ["ZaloPay:Key1"] = ZaloPaySandboxHost.Merchant.Key1,
            ["ZaloPay:Key2"] = ZaloPaySandboxHost.Merchant.Key2,
            ["ZaloPay:CallbackUrl"] = $"http://127.0.0.1:{paymentsPort}/zalopay/callback",
        };
        foreach (var (key, value) in PaymentSettings)
        {
            payments[key] = value;
        }

        Payments = await _services.StartAsync(ShopServices.Payments, b => b.AddPayments(), app => app.MapPayments(), payments);

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestCertificates.Shared.Settings(ShopServices.Orchestrator))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Services:products:Grpc"] = Products.GrpcAddress.ToString(),
                ["Shop:Services:orders:Grpc"] = Orders.GrpcAddress.ToString(),
                ["Shop:Services:payments:Grpc"] = Payments.GrpcAddress.ToString(),
                [$"{OrchestratorOptions.SectionName}:CallDeadline"] = CallDeadline.ToString("c", CultureInfo.InvariantCulture),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<OrchestratorOptions>().Bind(configuration.GetSection(OrchestratorOptions.SectionName));
        services.AddOrchestratorGrpcClients(configuration);
        _orchestrator = services.BuildServiceProvider();
    }

    /// <summary>Runs one activity of a fresh <typeparamref name="TActivities"/> as the worker would, through <see cref="ActivityEnvironment"/>.</summary>
    public async Task<TResult> RunAsync<TActivities, TResult>(string type, Func<TActivities, Task<TResult>> activity)
        where TActivities : class
    {
        using var scope = _orchestrator!.CreateScope();
        var instance = ActivatorUtilities.CreateInstance<TActivities>(scope.ServiceProvider);
        var environment = new ActivityEnvironment { Info = ActivityEnvironment.DefaultInfo with { ActivityType = type } };
        return await environment.RunAsync(() => activity(instance)).WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>An active product with <paramref name="stock"/> units, through products' own domain.</summary>
    public async Task<Guid> CreateProductAsync(string name, int stock, decimal price = 75_000m)
    {
        var sku = $"ACT-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";
        await using var scope = Products.Services.CreateAsyncScope();
        var product = await scope.ServiceProvider.GetRequiredService<ProductCatalog>().CreateProductAsync(
            new NewProduct(sku, name, $"About {name}.", price.ToString(CultureInfo.InvariantCulture), [], [new ImageDraft($"https://images.shop.example/{sku}.jpg", name, true)]),
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<InventoryLedger>().SetStockAsync(product.Id, stock, "Activity test stock", null, CancellationToken.None);
        return product.Id;
    }

    /// <summary>A product's stock as products stores it.</summary>
    public async Task<StockLevel> StockAsync(Guid productId)
    {
        await using var scope = Products.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProductsDbContext>().Stock.AsNoTracking().SingleAsync(s => s.ProductId == productId);
    }

    /// <summary>Stores a PENDING order directly in orders, as placement would.</summary>
    public async Task<Order> SeedOrderAsync(Guid customerId, params OrderLine[] lines)
    {
        await using var scope = Orders.Services.CreateAsyncScope();
        var order = Order.Place(customerId, Guid.NewGuid().ToString("N"), lines, OrderCode.New(), DateTimeOffset.UtcNow);
        return await scope.ServiceProvider.GetRequiredService<IOrderRepository>().AddAsync(order, CancellationToken.None);
    }

    /// <summary>A PENDING order of <paramref name="quantity"/> units of a new product with <paramref name="stock"/> on hand.</summary>
    public async Task<Order> SeedOrderAsync(int quantity, int stock = 10)
    {
        var productId = await CreateProductAsync("Phin filter", stock);
        return await SeedOrderAsync(CustomerId, new OrderLine(productId, "Phin filter", 75_000m, quantity));
    }

    /// <summary>The payment as payments stores it, or null.</summary>
    public async Task<Payment?> StoredPaymentAsync(Guid orderId)
    {
        await using var scope = Payments.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPaymentRepository>().GetAsync(orderId, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_orchestrator is not null)
        {
            await _orchestrator.DisposeAsync();
        }

        await _services.DisposeAsync();
    }
}
