using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Orders.Ordering;
using Shop.Orders.Sessions;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;
using Shop.Users;

namespace Shop.Journey.Tests.Sessions;

/// <summary>
/// Users (two instances on one database; the first on fixed ports, so it can be stopped and started
/// again where orders expects it) and orders watching the first one's revocation stream over mutual TLS.
/// </summary>
public sealed class RevocationServices : IAsyncLifetime
{
    public const string Password = "Correct-Horse-Battery-9";

    private readonly PostgresDatabase _usersDb = new();
    private readonly PostgresDatabase _ordersDb = new();
    private readonly int _usersHttpPort = FreePort.Next();
    private readonly int _usersGrpcPort = FreePort.Next();

    public TestServiceHost? Users { get; private set; }

    /// <summary>Another users instance on the same database; orders does not watch it.</summary>
    public TestServiceHost OtherUsers { get; private set; } = null!;

    public TestServiceHost Orders { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _usersDb.InitializeAsync();
        await _ordersDb.InitializeAsync();
        Users = await StartUsersAsync(_usersHttpPort, _usersGrpcPort);
        OtherUsers = await StartUsersAsync(FreePort.Next(), FreePort.Next());
        Orders = await TestServiceHost.StartAsync(b => b.AddOrders(), app => app.MapOrders(), new Dictionary<string, string?>
        {
            ["ConnectionStrings:orders"] = _ordersDb.ConnectionString,
            ["Shop:Auth:JwksUrl"] = new Uri(Users.HttpAddress, "/.well-known/jwks.json").ToString(),
            ["Shop:Services:products:Grpc"] = "https://127.0.0.1:1",
            ["Shop:Services:users:Grpc"] = Users.GrpcAddress.ToString(),
            ["Shop:SessionRevocations:InitialBackoff"] = "00:00:00.200",
            ["Shop:SessionRevocations:MaxBackoff"] = "00:00:01",
            ["Temporal:Address"] = null,
        }, "Shop.Orders", ShopServices.Orders);
        await Orders.GetRequiredService<PostgresOrderEvents>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        await Orders.GetRequiredService<SessionRevocationWatcher>().Connected.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Stops the watched users instance: orders loses its revocation stream.</summary>
    public async Task StopUsersAsync()
    {
        await Users!.DisposeAsync();
        Users = null;
    }

    /// <summary>Starts the watched instance again, on the ports orders knows.</summary>
    public async Task RestartUsersAsync() => Users = await StartUsersAsync(_usersHttpPort, _usersGrpcPort);

    public GraphQLHttpClient UsersClient(string? accessToken = null) => new(OtherUsers.CreateHttpClient()) { AccessToken = accessToken };

    public HttpClient OrdersHttp() => Orders.CreateHttpClient();

    /// <summary>A new customer's id and email.</summary>
    public async Task<(Guid Id, string Email)> RegisterAsync()
    {
        var email = $"revoked.{Guid.NewGuid():N}@journey.test";
        var registered = await UsersClient().PostAsync(
            "mutation ($i: RegisterInput!) { register(input: $i) { user { id } } }",
            new { i = new { email, password = Password, firstName = "Lan", lastName = "Tran" } });
        return (registered.EnsureNoErrors().Data.GetProperty("register").GetProperty("user").GetProperty("id").GetGuid(), email);
    }

    public async Task<SignedIn> LoginAsync(string email)
    {
        var login = await UsersClient().PostAsync(
            "mutation ($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }", new { i = new { email, password = Password } });
        return SignedIn.From(login.EnsureNoErrors().Data.GetProperty("login"));
    }

    public async Task LogoutAsync(string refreshToken)
        => Assert.True((await UsersClient().PostAsync("mutation ($i: LogoutInput!) { logout(input: $i) { loggedOut } }", new { i = new { refreshToken } }))
            .EnsureNoErrors().Data.GetProperty("logout").GetProperty("loggedOut").GetBoolean());

    /// <summary>Exchanges a refresh token; returns the GraphQL payload (a second use of the same token is reuse).</summary>
    public async Task<JsonElement> RefreshAsync(string refreshToken)
        => (await UsersClient().PostAsync("mutation ($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken errors { code } } }", new { i = new { refreshToken } }))
            .EnsureNoErrors().Data.GetProperty("refreshToken");

    /// <summary>A PENDING order of the customer, stored as placement would; its history replays to a new watcher.</summary>
    public async Task<Guid> SeedOrderAsync(Guid customerId)
    {
        await using var scope = Orders.Services.CreateAsyncScope();
        var order = Order.Place(customerId, Guid.NewGuid().ToString("N"), [new OrderLine(Guid.CreateVersion7(), "Kettle", 250_000m, 1)], OrderCode.New(), DateTimeOffset.UtcNow);
        return (await scope.ServiceProvider.GetRequiredService<IOrderRepository>().AddAsync(order, default)).Id;
    }

    private Task<TestServiceHost> StartUsersAsync(int httpPort, int grpcPort)
        => TestServiceHost.StartAsync(b => b.AddUsers(), app => app.MapUsers(), new Dictionary<string, string?>
        {
            ["ConnectionStrings:users"] = _usersDb.ConnectionString,
            ["Shop:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["Shop:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Shop:Users:Admin:Email"] = "admin@revocation.test",
            ["Shop:Users:Admin:Password"] = "Quiet-Lantern-4711!",
            ["Shop:Users:RefreshReuseLeeway"] = "00:00:00",
            ["Shop:Users:Throttle:RegistrationLimit"] = "100000",
        }, "Shop.Users", ShopServices.Users);

    public async ValueTask DisposeAsync()
    {
        // Null when starting failed part way.
        foreach (var host in new[] { (TestServiceHost?)Orders, OtherUsers })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (Users is not null)
        {
            await Users.DisposeAsync();
        }

        await _ordersDb.DisposeAsync();
        await _usersDb.DisposeAsync();
    }
}

public sealed record SignedIn(string AccessToken, string RefreshToken)
{
    public static SignedIn From(JsonElement payload)
        => new(payload.GetProperty("accessToken").GetString()!, payload.GetProperty("refreshToken").GetString()!);
}
