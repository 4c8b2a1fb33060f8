using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Shop.GraphQL;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Hosting;
using Shop.ServiceDefaults.Postgres;
using Shop.Users.Accounts;
using Shop.Users.Addresses;
using Shop.Users.Data;
using Shop.Users.GraphQL;
using Shop.Users.Sessions;
using Shop.Users.Tokens;

namespace Shop.Users;

public static class Extensions
{
    public const string JwksPath = "/.well-known/jwks.json";

    /// <summary>The users service: accounts, sessions and tokens, addresses; GraphQL and gRPC.</summary>
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        var services = builder.Services;
        services.AddOptions<UsersOptions>().BindConfiguration(UsersOptions.SectionName)
            .Validate(o => o.Throttle is { PairFreeFailures: > 0, AccountFreeFailures: > 0, AddressLimit: > 0, RegistrationLimit: > 0 }, "Shop:Users:Throttle:PairFreeFailures, AccountFreeFailures, AddressLimit and RegistrationLimit must be positive.")
            .Validate(
                o => new[] { o.Throttle.PairWindow, o.Throttle.AccountWindow, o.Throttle.AddressWindow, o.Throttle.RegistrationWindow }.All(w => w > TimeSpan.Zero),
                "Shop:Users:Throttle:PairWindow, AccountWindow, AddressWindow and RegistrationWindow must be positive.")
            .Validate(
                o => o.Throttle.PairBaseDelay > TimeSpan.Zero && o.Throttle.PairMaxDelay >= o.Throttle.PairBaseDelay && o.Throttle.AccountSpacing > TimeSpan.Zero,
                "Shop:Users:Throttle:PairBaseDelay and AccountSpacing must be positive, and PairMaxDelay at least PairBaseDelay.")
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > TimeSpan.Zero, "Shop:Users:AccessTokenLifetime and RefreshTokenLifetime must be positive.")
            .Validate(o => o.RevocationPollInterval > TimeSpan.Zero && o.RevocationHeartbeat > TimeSpan.Zero, "Shop:Users:RevocationPollInterval and RevocationHeartbeat must be positive.")
            .Validate(o => o.RefreshReuseLeeway >= TimeSpan.Zero && o.RefreshReuseLeeway <= TimeSpan.FromMinutes(2), "Shop:Users:RefreshReuseLeeway must be between 0 and 2 minutes.")
            .Validate(o => o.PasswordMinLength > 0 && o.MaxAddressesPerUser > 0, "Shop:Users:PasswordMinLength and MaxAddressesPerUser must be positive.")
            .ValidateOnStart();

        services.AddShopDbContext<UsersDbContext, AccountSeeder>(builder.Configuration, "users");
        // After the migrations and the seeding: the janitor needs the tables.
        services.AddSingleton<SessionJanitor>();
        services.AddHostedService(provider => provider.GetRequiredService<SessionJanitor>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddUsersDomain();
        services.AddUsersTokens();
        services.AddUsersGraphQL();
        services.AddClientAddresses();
        return builder;
    }

    private static void AddUsersDomain(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<DummyPassword>();
        services.AddSingleton<PasswordPolicy>();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<SessionService>();
        services.AddSingleton<RevocationSignal>();
        services.AddSingleton<SessionRevocationFeed>();
        services.AddScoped<AccountService>();
        services.AddScoped<AddressBook>();
        services.AddScoped<UserDirectory>();
    }

    private static void AddUsersTokens(this IServiceCollection services)
    {
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<AccessTokenIssuer>();
        // Validate our own tokens with the keys we hold: never through an HTTP round trip to ourselves.
        // The kit's AccessTokenValidator (WebSocket connection_init) reads the same manager.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<SigningKeyStore>((bearer, store) => bearer.ConfigurationManager = new SigningKeyConfigurationManager(store));
    }

    private static void AddUsersGraphQL(this IServiceCollection services)
    {
        services.AddScoped<UserByIdDataLoader>();
        services.AddScoped<AddressesByUserIdDataLoader>();
        // Resolvers share the request's DbContext, which allows one operation at a time.
        services.AddShopGraphQL<UsersSchema>(graphql => graphql
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
    }

    /// <summary>The client address the login throttle counts: X-Forwarded-For from trusted proxies only.</summary>
    private static void AddClientAddresses(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<UsersOptions>>((forwarded, users) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            foreach (var network in users.Value.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    public static WebApplication MapUsers(this WebApplication app)
    {
        // First, so the throttle sees the client behind a trusted proxy (loopback by default).
        app.UseForwardedHeaders();
        app.MapServiceDefaults();
        app.MapShopGraphQL();
        app.MapGet(JwksPath, async (SigningKeyStore store, HttpContext context) =>
        {
            var keys = await store.GetAsync(context.RequestAborted);
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(keys.JwksJson, "application/json");
        }).OnHttpPort(app);
        app.MapInternalGrpcService<Grpc.UsersGrpcService>();
        app.MapInternalGrpcService<Grpc.SessionRevocationsGrpcService>();
        return app;
    }
}
