using System.Globalization;
using Shop.Orchestrator;
using Shop.Orchestrator.Temporal;
using Shop.Orders;
using Shop.Payments;
using Shop.Products;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;
using Shop.Testing.ZaloPay;
using Shop.Users;
using Temporalio.Client;

namespace Shop.Testing.Platform;

/// <summary>
/// Everything a storefront talks to, on real ports: each service on its own PostgreSQL database,
/// wired to the others as in production (JWKS from users, products and revoked sessions over mutual-TLS gRPC for orders,
/// each service presenting its own certificate; payments against the ZaloPay sandbox, whose
/// callbacks come back through the gateway), and the gateway
/// serving the checked-in supergraph with the subgraphs' actual addresses.
/// Order processing needs a Temporal server: without one, placed orders stay PENDING. Given one
/// (Temporal mode), orders starts a workflow per order and payments signals it, and the
/// orchestrator's worker runs in-process as its own host. It polls the contract's task queue in the
/// default namespace, as orders starts workflows there, so two platforms in Temporal mode, or one
/// and <c>./shop up</c>, must not share a server at the same time: a worker would take the other's orders.
/// </summary>
public sealed class ShopPlatform : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        // EF Core logs its probe for the migrations table of a new database as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
    };

    private readonly ServiceGroup _services = new(Quiet);

    private ShopPlatform()
    {
    }

    public TestServiceHost Users { get; private set; } = null!;

    public TestServiceHost Products { get; private set; } = null!;

    public TestServiceHost Orders { get; private set; } = null!;

    public TestServiceHost Payments { get; private set; } = null!;

    public ZaloPaySandboxHost Sandbox { get; private set; } = null!;

    public GatewayProcess Gateway { get; private set; } = null!;

    /// <summary>The orchestrator's worker, in Temporal mode; otherwise null.</summary>
    public TestServiceHost? Orchestrator { get; private set; }

    public const string AdminEmail = "admin@journey.test";
    public const string AdminPassword = "Quiet-Lantern-4711!";

    /// <param name="gatewayEnvironment">Extra gateway settings, such as rate limits.</param>
    /// <param name="temporalAddress">
    /// A Temporal frontend (<c>host:port</c>) for Temporal mode: orders and payments use it and the
    /// orchestrator runs too. Null: no order processing.
    /// </param>
    /// <param name="timing">The orchestrator's payment deadline and reconcile interval; <see cref="OrchestratorTiming.Default"/> when null.</param>
    public static async Task<ShopPlatform> StartAsync(
        IReadOnlyDictionary<string, string>? gatewayEnvironment = null,
        string? temporalAddress = null,
        OrchestratorTiming? timing = null)
    {
        var platform = new ShopPlatform();
        try
        {
            await platform.StartServicesAsync(gatewayEnvironment ?? new Dictionary<string, string>(), temporalAddress);
            if (temporalAddress is not null)
            {
                await platform.StartOrchestratorAsync(temporalAddress, timing ?? OrchestratorTiming.Default);
            }

            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task StartServicesAsync(IReadOnlyDictionary<string, string> gatewayEnvironment, string? temporalAddress)
    {
        Users = await _services.StartAsync("users", b => b.AddUsers(), app => app.MapUsers(), new()
        {
            ["Shop:Users:Admin:Email"] = AdminEmail,
            ["Shop:Users:Admin:Password"] = AdminPassword,
        });
        var jwks = new Uri(Users.HttpAddress, "/.well-known/jwks.json").ToString();
        Products = await _services.StartAsync("products", b => b.AddProducts(), app => app.MapProducts(), new()
        {
            ["Shop:Auth:JwksUrl"] = jwks,
            ["Shop:Products:SeedDemoCatalog"] = "true",
        });
        Orders = await _services.StartAsync("orders", b => b.AddOrders(), app => app.MapOrders(), new()
        {
            ["Shop:Auth:JwksUrl"] = jwks,
            ["Shop:Services:products:Grpc"] = Products.GrpcAddress.ToString(),
            // Revoked sessions, which end their subscriptions.
            ["Shop:Services:users:Grpc"] = Users.GrpcAddress.ToString(),
            // Set even when null: the orchestrator's appsettings.json, copied next to the test
            // assembly, names a server that must not switch processing on by accident.
            ["Temporal:Address"] = temporalAddress,
        });

        Sandbox = _services.Own(await ZaloPaySandboxHost.StartAsync());
        var gatewayPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        Payments = await _services.StartAsync("payments", b => b.AddPayments(), app => app.MapPayments(), new()
        {
            ["Shop:Auth:JwksUrl"] = jwks,
            ["ZaloPay:BaseUrl"] = Sandbox.BaseAddress.ToString(),
            ["ZaloPay:AppId"] = ZaloPaySandboxHost.Merchant.AppId.ToString(CultureInfo.InvariantCulture),
            ["ZaloPay:Key1"] = ZaloPaySandboxHost.Merchant.Key1,
            ["ZaloPay:Key2"] = ZaloPaySandboxHost.Merchant.Key2,
            // As in production: ZaloPay calls the public origin, the gateway forwards to payments.
            ["ZaloPay:CallbackUrl"] = $"http://127.0.0.1:{gatewayPort}/payments/zalopay/callback",
            ["Temporal:Address"] = temporalAddress,
        });

        var environment = new Dictionary<string, string>
        {
            ["GATEWAY_PORT"] = gatewayPort,
            ["JWKS_URL"] = jwks,
            ["SUBGRAPH_USERS_URL"] = Users.GraphQLAddress.ToString(),
            ["SUBGRAPH_PRODUCTS_URL"] = Products.GraphQLAddress.ToString(),
            ["SUBGRAPH_ORDERS_URL"] = Orders.GraphQLAddress.ToString(),
            ["SUBGRAPH_PAYMENTS_URL"] = Payments.GraphQLAddress.ToString(),
        };
        foreach (var (key, value) in gatewayEnvironment)
        {
            environment[key] = value;
        }

        Gateway = _services.Own(await GatewayProcess.StartAsync(environment));
    }

    /// <summary>
    /// The worker as the orchestrator's Program.cs builds it, calling the services over mutual TLS as
    /// "orchestrator"; returns once it has connected to Temporal (what its readiness reports as
    /// polling), so a wrong address fails the start rather than leaving every order PENDING.
    /// </summary>
    private async Task StartOrchestratorAsync(string temporalAddress, OrchestratorTiming timing)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Temporal:Address"] = temporalAddress,
            ["Temporal:ReconnectDelay"] = "00:00:00.500",
            ["Shop:Services:products:Grpc"] = Products.GrpcAddress.ToString(),
            ["Shop:Services:orders:Grpc"] = Orders.GrpcAddress.ToString(),
            ["Shop:Services:payments:Grpc"] = Payments.GrpcAddress.ToString(),
            // The worker serves health over HTTP only.
            ["Shop:GrpcPort"] = "0",
            ["Orchestrator:PaymentDeadline"] = timing.PaymentDeadline.ToString("c", CultureInfo.InvariantCulture),
            ["Orchestrator:ReconcileInterval"] = timing.ReconcileInterval.ToString("c", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in Quiet)
        {
            settings.TryAdd(key, value);
        }

        // Stopped first of all: no activity should call a service that is already gone.
        Orchestrator = _services.Own(await TestServiceHost.StartAsync(
            b => b.AddOrchestrator(), app => app.MapOrchestrator(), settings, "Shop.Orchestrator", ShopServices.Orchestrator));
        var readiness = Orchestrator.GetRequiredService<WorkerReadiness>();
        var client = Orchestrator.GetRequiredService<ITemporalClient>();
        // The connection, not the flag: against a stand-in frontend the worker fails after connecting and retries.
        await Eventually.TrueAsync(
            () => readiness.IsPolling || client.Connection.IsConnected,
            TimeSpan.FromSeconds(30),
            $"The orchestrator's worker did not start polling Temporal at {temporalAddress}: {readiness.State}.");
    }

    /// <summary>A client of the gateway, optionally signed in.</summary>
    public GraphQLHttpClient Client(string? accessToken = null)
        => new(new HttpClient { BaseAddress = Gateway.Address, Timeout = TimeSpan.FromSeconds(30) }) { AccessToken = accessToken };

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
