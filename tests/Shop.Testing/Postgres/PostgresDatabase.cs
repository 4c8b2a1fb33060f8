using Npgsql;
using Xunit;

namespace Shop.Testing.Postgres;

/// <summary>A fresh, empty database for one test class, dropped afterwards.</summary>
public class PostgresDatabase : IAsyncLifetime
{
    private PostgresServer? _server;

    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString => _server?.ConnectionStringFor(Name)
        ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public virtual async ValueTask InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        await using var connection = new NpgsqlConnection(_server.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\" TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
