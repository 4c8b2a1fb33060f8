using Shop.Orders;
using Shop.Payments;
using Shop.Products;
using Shop.ServiceDefaults;
using Shop.Testing.Hosting;
using Shop.Users;

namespace Shop.Security.Tests;

/// <summary>The four services with gRPC ports, each on its own database and with its own certificate.</summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Common = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        // EF Core logs its probe for the migrations table of a new database as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        // Nothing here signs users in; the services only need to know where keys would be.
        ["Shop:Auth:JwksUrl"] = "http://127.0.0.1:1/.well-known/jwks.json",
    };

    private readonly ServiceGroup _services = new(Common);

    public TestServiceHost Users { get; private set; } = null!;

    public TestServiceHost Products { get; private set; } = null!;

    public TestServiceHost Orders { get; private set; } = null!;

    public TestServiceHost Payments { get; private set; } = null!;

    public TestServiceHost Host(string service) => service switch
    {
        ShopServices.Users => Users,
        ShopServices.Products => Products,
        ShopServices.Orders => Orders,
        ShopServices.Payments => Payments,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "No such service host."),
    };

    public async ValueTask InitializeAsync()
    {
        Users = await _services.StartAsync(ShopServices.Users, b => b.AddUsers(), app => app.MapUsers(), new()
        {
            ["Shop:Users:Admin:Email"] = "admin@security.test",
            ["Shop:Users:Admin:Password"] = "Quiet-Lantern-4711!",
        });
        Products = await _services.StartAsync(ShopServices.Products, b => b.AddProducts(), app => app.MapProducts(), []);
        Orders = await _services.StartAsync(ShopServices.Orders, b => b.AddOrders(), app => app.MapOrders(), new()
        {
            ["Shop:Services:products:Grpc"] = Products.GrpcAddress.ToString(),
        });
        Payments = await _services.StartAsync(ShopServices.Payments, b => b.AddPayments(), app => app.MapPayments(), new()
        {
            // Never called: the RPCs here stop at the payment store.
            ["ZaloPay:BaseUrl"] = "http://127.0.0.1:1",
            ["ZaloPay:AppId"] = "2553",
            ["ZaloPay:Key1"] = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL",
            ["ZaloPay:Key2"] = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz",
            ["ZaloPay:CallbackUrl"] = "http://127.0.0.1:1/payments/zalopay/callback",
        });
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
