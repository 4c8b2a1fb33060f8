using System.Text.Json;
using Npgsql;

namespace Shop.Orders.Events;

/// <summary>
/// The PostgreSQL backplane: notices go out with NOTIFY and one connection per instance LISTENs and
/// feeds the hub, in batches (<see cref="OrderNoticeBatches"/>). A lost connection is re-opened with
/// backoff, and once listening again the hub catches up from the stored history, since what was
/// notified meanwhile never arrives.
/// </summary>
public sealed partial class PostgresOrderEvents(
    NpgsqlDataSource dataSource, OrderEventHub hub, IConfiguration configuration, ILogger<PostgresOrderEvents> logger)
    : BackgroundService, IOrderEventPublisher
{
    public const string Channel = "shop_order_events";

    /// <summary>The first wait before re-opening a lost connection (then doubled up to 10 s), unless <c>Shop:Orders:EventReconnectDelay</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultReconnectDelay = TimeSpan.FromMilliseconds(200);

    private TimeSpan ReconnectDelay => configuration.GetValue("Shop:Orders:EventReconnectDelay", DefaultReconnectDelay);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OrderNoticeBatches _batches = new(hub, logger);

    /// <summary>Completes once the first LISTEN is in place (start-up and tests wait for it).</summary>
    public Task Listening => _listening.Task;

    /// <summary>The server process of the current LISTEN connection (tests end it to prove the catch-up); 0 between connections.</summary>
    public int ListenerProcessId { get; private set; }

    /// <summary>How many times a LISTEN has been put in place, the first included.</summary>
    public int Connections { get; private set; }

    public async Task PublishAsync(OrderStatusChangeNotice notice, CancellationToken cancellationToken)
    {
        await using var notify = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
        notify.Parameters.Add(new NpgsqlParameter { Value = Channel });
        notify.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(notice, OrderEventJson.Options) });
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listening never waits for delivery: notices keep being read while the hub reads orders.
        var delivering = _batches.RunAsync(stoppingToken);
        var listening = ListenWhileRunningAsync(stoppingToken);
        // A failure of either ends the service at once rather than leaving the other running alone.
        await await Task.WhenAny(delivering, listening);
        await Task.WhenAll(delivering, listening);
    }

    private async Task ListenWhileRunningAsync(CancellationToken stoppingToken)
    {
        var delay = ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => delay = ReconnectDelay, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                ListenerProcessId = 0;
                LogListenFailed(logger, exception, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        var pending = new Queue<string>();
        connection.Notification += (_, notification) => pending.Enqueue(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        connected();
        ListenerProcessId = connection.ProcessID;
        Connections++;
        _listening.TrySetResult();
        await hub.CatchUpAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
            while (pending.TryDequeue(out var payload))
            {
                Post(payload);
            }
        }
    }

    private void Post(string payload)
    {
        OrderStatusChangeNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<OrderStatusChangeNotice>(payload, OrderEventJson.Options);
        }
        catch (JsonException exception)
        {
            LogBadPayload(logger, exception);
            return;
        }

        if (notice is not null)
        {
            _batches.Post(notice);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order event listener lost its connection; retrying in {Delay}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an order event that is not valid JSON")]
    private static partial void LogBadPayload(ILogger logger, Exception exception);
}
