using System.Text.Json;
using StackExchange.Redis;

namespace Shop.Orders.Events;

/// <summary>
/// The Redis backplane: notices are published after the change is stored, and every instance's
/// subscription feeds its hub in arrival order, in batches (<see cref="OrderNoticeBatches"/>). Redis
/// keeps nothing for a subscriber that is away, so each time the connection comes back the hub
/// catches up from the stored history.
/// </summary>
public sealed partial class RedisOrderEvents(IConnectionMultiplexer redis, OrderEventHub hub, ILogger<RedisOrderEvents> logger)
    : BackgroundService, IOrderEventPublisher
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("shop:order-events");

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OrderNoticeBatches _batches = new(hub, logger);

    public Task Listening => _listening.Task;

    public async Task PublishAsync(OrderStatusChangeNotice notice, CancellationToken cancellationToken)
        => await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(notice, OrderEventJson.Options));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reading messages never waits for delivery: they keep being taken while the hub reads orders.
        var delivering = _batches.RunAsync(stoppingToken);
        var listening = ListenAsync(stoppingToken);
        // A failure of either ends the service at once rather than leaving the other running alone.
        await await Task.WhenAny(delivering, listening);
        await Task.WhenAll(delivering, listening);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        redis.ConnectionRestored += OnConnectionRestored;
        _listening.TrySetResult();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = await queue.ReadAsync(stoppingToken);
                OrderStatusChangeNotice? notice = null;
                try
                {
                    notice = JsonSerializer.Deserialize<OrderStatusChangeNotice>((string)message.Message!, OrderEventJson.Options);
                }
                catch (JsonException exception)
                {
                    LogBadPayload(logger, exception);
                }

                if (notice is not null)
                {
                    _batches.Post(notice);
                }
            }
        }
        finally
        {
            redis.ConnectionRestored -= OnConnectionRestored;
            await queue.UnsubscribeAsync();
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs args)
        => _ = CatchUpAsync();

    private async Task CatchUpAsync()
    {
        try
        {
            await hub.CatchUpAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nothing else to do here: the next notice of each order fills its gap as well.
            LogCatchUpFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an order event that is not valid JSON")]
    private static partial void LogBadPayload(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catching up order events after the Redis connection came back failed")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}
