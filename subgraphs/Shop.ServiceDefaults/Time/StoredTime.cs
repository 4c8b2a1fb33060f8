namespace Shop.ServiceDefaults.Time;

public static class StoredTime
{
    /// <summary>
    /// Now, to the millisecond: MongoDB dates hold milliseconds, so every storage adapter stores and
    /// returns exactly the same instants (and the same cursors) as it was given.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
