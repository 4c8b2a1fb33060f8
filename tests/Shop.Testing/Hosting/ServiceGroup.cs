using Microsoft.AspNetCore.Builder;
using Shop.Testing.Postgres;

namespace Shop.Testing.Hosting;

/// <summary>
/// Services started together, each on a fresh PostgreSQL database and with its own certificate, and
/// stopped together: what was started last stops first, databases after every host.
/// </summary>
public sealed class ServiceGroup(IReadOnlyDictionary<string, string?> defaults) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>
    /// Starts service <paramref name="name"/> (its connection string and certificate identity) on a new
    /// database; <paramref name="settings"/> win over the group's defaults.
    /// </summary>
    public async Task<TestServiceHost> StartAsync(
        string name, Action<WebApplicationBuilder> configure, Action<WebApplication> map, Dictionary<string, string?> settings)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        _owned.Add(database);
        settings[$"ConnectionStrings:{name}"] = database.ConnectionString;
        foreach (var (key, value) in defaults)
        {
            settings.TryAdd(key, value);
        }

        return Own(await TestServiceHost.StartAsync(configure, map, settings, identity: name));
    }

    /// <summary>Something else the group stops (before what was started earlier).</summary>
    public T Own<T>(T started)
        where T : IAsyncDisposable
    {
        _owned.Insert(0, started);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
