using System.Text.Json;
using StackExchange.Redis;

namespace Shop.Orders.Events;

/// <summary>
/// The Redis backplane: transitions are published after they are stored, and every instance's
/// subscription feeds its hub, one message at a time in arrival order.
/// </summary>
public sealed partial class RedisOrderEvents(IConnectionMultiplexer redis, OrderEventHub hub, ILogger<RedisOrderEvents> logger)
    : BackgroundService, IOrderEventPublisher
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("shop:order-events");

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Listening => _listening.Task;

    public async Task PublishAsync(OrderStatusChanged change, CancellationToken cancellationToken)
        => await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(change, OrderEventJson.Options));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        _listening.TrySetResult();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = await queue.ReadAsync(stoppingToken);
                OrderStatusChanged? change = null;
                try
                {
                    change = JsonSerializer.Deserialize<OrderStatusChanged>((string)message.Message!, OrderEventJson.Options);
                }
                catch (JsonException exception)
                {
                    LogBadPayload(logger, exception);
                }

                if (change is not null)
                {
                    await hub.DispatchAsync(change, stoppingToken);
                }
            }
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an order event that is not valid JSON")]
    private static partial void LogBadPayload(ILogger logger, Exception exception);
}
