using Shop.Testing.Redis;

namespace Shop.Orders.Tests;

/// <summary>The orders service with a real redis-server as its event backplane; nothing starts when there is no redis-server.</summary>
public class RedisOrdersHost : OrdersHost
{
    private RedisServer? _redis;

    public string? RedisConnectionString => _redis?.ConnectionString;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:redis"] = _redis?.ConnectionString,
    };

    public override async ValueTask InitializeAsync()
    {
        if (!RedisServer.Available)
        {
            return;
        }

        _redis = await RedisServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_redis is null)
        {
            return;
        }

        await base.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
