namespace Shop.Products.Catalog;

public static class Timestamps
{
    /// <summary>
    /// Now, in UTC, cut to PostgreSQL's microsecond precision, so a value read back (and put in a
    /// cursor) equals the one written.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
