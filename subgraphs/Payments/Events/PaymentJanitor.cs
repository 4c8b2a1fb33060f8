using Shop.Payments.Paying;

namespace Shop.Payments.Events;

/// <summary>
/// Finishes what requests left unfinished: tells workflows of payments still marked "to notify"
/// (the workflow or Temporal was down, or the service stopped in between) and moves refunds on
/// until ZaloPay confirms them. Nothing acknowledged to ZaloPay or to the orchestrator is dropped.
/// </summary>
public sealed partial class PaymentJanitor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PaymentJanitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // Fresh changes are being finished by the request that made them; leave them a moment.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

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

    /// <summary>One pass over unfinished payments; returns how many it looked at.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var payments = scope.ServiceProvider.GetRequiredService<IPaymentRepository>();
        var notifier = scope.ServiceProvider.GetRequiredService<PaymentNotifier>();
        var refunds = scope.ServiceProvider.GetRequiredService<PaymentRefunding>();
        var unsettled = await payments.GetUnsettledAsync(100, clock.GetUtcNow() - Grace, cancellationToken);
        foreach (var payment in unsettled)
        {
            await notifier.TryNotifyAsync(payment, cancellationToken);
            if (payment.RefundsPending)
            {
                await refunds.TryProgressAsync(payment.OrderId, cancellationToken);
            }
        }

        return unsettled.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment janitor sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
