using System.Text.Json;
using Npgsql;
using Shop.Orders.Storage.Postgres;

namespace Shop.Orders.Events;

/// <summary>
/// The PostgreSQL backplane: one connection per instance LISTENs to the channel the repository
/// NOTIFYs in each transition's transaction, and feeds the hub in commit order. A lost connection
/// is re-opened with backoff.
/// </summary>
public sealed partial class PostgresOrderEventListener(NpgsqlDataSource dataSource, OrderEventHub hub, ILogger<PostgresOrderEventListener> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (start-up and tests wait for it).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(logger, exception, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        var pending = new Queue<string>();
        connection.Notification += (_, notification) => pending.Enqueue(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresOrderRepository.NotificationChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        _listening.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
            while (pending.TryDequeue(out var payload))
            {
                await DispatchAsync(payload, stoppingToken);
            }
        }
    }

    private async Task DispatchAsync(string payload, CancellationToken stoppingToken)
    {
        OrderStatusChanged? change;
        try
        {
            change = JsonSerializer.Deserialize<OrderStatusChanged>(payload, OrderEventJson.Options);
        }
        catch (JsonException exception)
        {
            LogBadPayload(logger, exception);
            return;
        }

        if (change is not null)
        {
            await hub.DispatchAsync(change, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order event listener lost its connection; retrying in {Delay}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an order event that is not valid JSON")]
    private static partial void LogBadPayload(ILogger logger, Exception exception);
}
