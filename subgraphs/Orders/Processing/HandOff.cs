using Shop.Orders.Ordering;
using Shop.ServiceDefaults.Time;

namespace Shop.Orders.Processing;

/// <summary>Hands orders to processing and records that it accepted them.</summary>
public sealed partial class HandOff(IOrderRepository orders, IOrderProcessing processing, TimeProvider clock, ILogger<HandOff> logger)
{
    /// <summary>True once processing has the order; false leaves it to the sweeper.</summary>
    public async Task<bool> TryAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            await processing.StartAsync(order, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogHandOffFailed(logger, exception, order.Code);
            return false;
        }

        // A concurrent writer (a transition) may win the version race; the order is then re-read and
        // marked, since processing did accept it.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (order.HandedOff)
            {
                return true;
            }

            var expected = order.Version;
            order.MarkHandedOff(clock.Now());
            if (await orders.TryUpdateAsync(order, expected, cancellationToken))
            {
                return true;
            }

            order = await orders.GetAsync(order.Id, cancellationToken) ?? throw new InvalidOperationException($"Order {order.Id} vanished.");
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Code} could not be handed to processing yet; the sweeper will retry")]
    private static partial void LogHandOffFailed(ILogger logger, Exception exception, string code);
}
