using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;

namespace Shop.Users.Tests;

/// <summary>The users service on real ports over its own fresh PostgreSQL database.</summary>
public class UsersHost : PostgresDatabase
{
    public const string AdminEmail = "admin@shop.test";
    public const string AdminPassword = "Root-Secret-Pass-1";
    public const string Password = "Correct-Horse-42";

    private readonly List<TestServiceHost> _hosts = [];

    public TestServiceHost Host => _hosts.Count > 0 ? _hosts[0] : throw new InvalidOperationException("Not started.");

    /// <summary>Settings a test class overrides, such as tiny throttle windows.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shop:Users:Throttle:AddressLimit"] = "1000",
        // Every test registers from loopback; the registration throttle has its own tests.
        ["Shop:Users:Throttle:RegistrationLimit"] = "100000",
    };

    /// <summary>Runs after the service's own registrations; a test class replaces services here, such as the clock.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await StartHostAsync();
    }

    /// <summary>Another instance of the service on the same database (the first one is <see cref="Host"/>).</summary>
    public async Task<TestServiceHost> StartHostAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:users"] = ConnectionString,
            ["Shop:Users:Admin:Email"] = AdminEmail,
            ["Shop:Users:Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in Settings.Concat(extra ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        var host = await TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddUsers();
                ConfigureServices(builder.Services);
            },
            app => app.MapUsers(),
            settings,
            "Shop.Users",
            ShopServices.Users);
        _hosts.Add(host);
        return host;
    }

    public GraphQLHttpClient Client(string? accessToken = null, string? clientAddress = null, TestServiceHost? host = null)
    {
        var http = (host ?? Host).CreateHttpClient();
        if (clientAddress is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        }

        return new GraphQLHttpClient(http) { AccessToken = accessToken };
    }

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    /// <summary>Registers a customer and returns its id.</summary>
    public async Task<Guid> RegisterAsync(string email, string password = Password, string? clientAddress = null)
    {
        var response = await Client(clientAddress: clientAddress).PostAsync(Gql.Register, new { input = new { email, password, firstName = "Test", lastName = "User" } });
        var payload = response.EnsureNoErrors().Data.GetProperty("register");
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        return payload.GetProperty("user").GetProperty("id").GetGuid();
    }

    public async Task<Session> LoginAsync(string email, string password = Password, string? clientAddress = null)
    {
        var response = await Client(clientAddress: clientAddress).PostAsync(Gql.Login, new { input = new { email, password } });
        var payload = response.EnsureNoErrors().Data.GetProperty("login");
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        return Session.From(payload);
    }

    /// <summary>A new customer, signed in.</summary>
    public async Task<Session> NewCustomerAsync()
    {
        var email = NewEmail();
        await RegisterAsync(email);
        return await LoginAsync(email);
    }

    public Task<Session> AdminAsync() => LoginAsync(AdminEmail, AdminPassword);

    public override async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

public sealed record Session(Guid UserId, string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    public static Session From(JsonElement payload) => new(
        payload.GetProperty("user").GetProperty("id").GetGuid(),
        payload.GetProperty("accessToken").GetString()!,
        payload.GetProperty("refreshToken").GetString()!,
        payload.GetProperty("expiresAt").GetDateTimeOffset());
}
