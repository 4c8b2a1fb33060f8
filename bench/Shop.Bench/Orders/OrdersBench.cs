using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shop.Orders;
using Shop.Orders.Storage.Postgres;
using Shop.Testing.Auth;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;

namespace Shop.Bench.Orders;

/// <summary>An orders service on a fresh database, with a JWKS for the tokens the benchmark signs.</summary>
internal sealed class OrdersBench : IAsyncDisposable
{
    private readonly TestServiceHost _jwks;
    private readonly string _database;
    private readonly PostgresServer _server;

    private OrdersBench(TestServiceHost jwks, TestServiceHost orders, TestTokenIssuer tokens, PostgresServer server, string database)
    {
        _jwks = jwks;
        Orders = orders;
        Tokens = tokens;
        _server = server;
        _database = database;
    }

    public TestServiceHost Orders { get; }

    public TestTokenIssuer Tokens { get; }

    public static async Task<OrdersBench> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await PostgresServer.SharedAsync();
        var database = "bench_orders_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var tokens = new TestTokenIssuer();
        var jwks = await TestServiceHost.StartAsync(_ => { }, app => app.MapGet("/.well-known/jwks.json", () => Results.Text(tokens.JwksJson, "application/json")));
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:orders"] = server.ConnectionStringFor(database),
            ["Shop:Auth:JwksUrl"] = new Uri(jwks.HttpAddress, "/.well-known/jwks.json").ToString(),
            ["Shop:Services:products:Grpc"] = "http://127.0.0.1:1",
            ["Logging:LogLevel:Default"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var orders = await TestServiceHost.StartAsync(builder => builder.AddOrders(), app => app.MapOrders(), all);
        await using (var scope = orders.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Database.MigrateAsync();
        }

        return new OrdersBench(jwks, orders, tokens, server, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Orders.DisposeAsync();
        await _jwks.DisposeAsync();
        Tokens.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server.AdminConnectionString);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
