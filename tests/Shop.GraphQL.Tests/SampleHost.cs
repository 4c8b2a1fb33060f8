using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shop.GraphQL.Tests.Sample;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Postgres;
using Shop.Testing.Auth;
using Shop.Testing.Clients;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;

namespace Shop.GraphQL.Tests;

/// <summary>
/// The test schema served by the shared kit exactly as a subgraph serves its own: service
/// defaults, JWT validation against a JWKS endpoint, a real PostgreSQL for readiness.
/// </summary>
public class SampleHost : PostgresDatabase
{
    private TestServiceHost? _jwks;
    private TestServiceHost? _host;

    public TestTokenIssuer Tokens { get; } = new();

    public TestServiceHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public Probe Probe => Host.GetRequiredService<Probe>();

    /// <summary>Settings a test class overrides, such as short timeouts.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The key set the users service publishes (a test class may rotate it).</summary>
    protected virtual string Jwks() => Tokens.JwksJson;

    /// <summary>Services a test class adds to the sample service.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _jwks = await TestServiceHost.StartAsync(
            _ => { },
            app => app.MapGet("/.well-known/jwks.json", () => Microsoft.AspNetCore.Http.Results.Text(Jwks(), "application/json")));

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:sample"] = ConnectionString,
            ["Shop:Auth:JwksUrl"] = new Uri(_jwks.HttpAddress, "/.well-known/jwks.json").ToString(),
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _host = await TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddServiceDefaults();
                builder.Services.AddShopPostgres(builder.Configuration, "sample");
                builder.Services.AddShopGraphQL<TestSchema>();
                builder.Services.AddSingleton<Probe>();
                builder.Services.AddScoped<AuthorByIdDataLoader>();
                ConfigureServices(builder.Services);
            },
            app =>
            {
                app.MapServiceDefaults();
                app.MapShopGraphQL();
            },
            settings);
    }

    public GraphQLHttpClient Client(string? accessToken = null) => new(Host.CreateHttpClient()) { AccessToken = accessToken };

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
