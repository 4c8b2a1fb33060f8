using Shop.Orders.Ordering;

namespace Shop.Orders.Processing;

/// <summary>
/// Retries the hand-off of orders that were stored but not accepted by processing (it was down, or
/// the service stopped in between), so no placed order is left behind.
/// </summary>
public sealed partial class HandOffSweeper(
    IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<HandOffSweeper> logger) : BackgroundService
{
    /// <summary>How often it looks, unless <c>Shop:Orders:HandOffSweepInterval</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private TimeSpan Interval => configuration.GetValue("Shop:Orders:HandOffSweepInterval", DefaultInterval);

    // Fresh orders are being handed off by the request that placed them; leave them a moment.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var orders = scope.ServiceProvider.GetRequiredService<IOrderRepository>();
        var handOff = scope.ServiceProvider.GetRequiredService<HandOff>();
        var handed = 0;
        foreach (var order in await orders.GetNotHandedOffAsync(100, clock.GetUtcNow() - Grace, cancellationToken))
        {
            if (await handOff.TryAsync(order, cancellationToken))
            {
                handed++;
            }
        }

        return handed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hand-off sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
