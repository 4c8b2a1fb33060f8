namespace Shop.Orders.Ordering;

public static class OrderClock
{
    /// <summary>
    /// Now, to the millisecond: MongoDB dates hold milliseconds, so every adapter stores and returns
    /// exactly the same instants (and the same cursors).
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
