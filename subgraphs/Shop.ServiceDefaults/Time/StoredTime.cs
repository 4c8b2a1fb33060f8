namespace Shop.ServiceDefaults.Time;

public static class StoredTime
{
    /// <summary>
    /// Now, to the millisecond, the one precision of stored times in every service: MongoDB dates
    /// hold milliseconds (PostgreSQL microseconds), so every storage adapter stores and returns
    /// exactly the instants (and the cursors) it was given.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
