using Shop.Orders.Ordering;

namespace Shop.Orders.Tests.Storage;

internal static class OrderFactory
{
    private static readonly Lock Gate = new();
    private static DateTimeOffset _clock = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A new PENDING order, each one a millisecond later than the last.</summary>
    public static Order New(Guid? customerId = null, string? key = null, int lines = 2)
    {
        DateTimeOffset at;
        lock (Gate)
        {
            at = _clock = _clock.AddMilliseconds(1);
        }

        return Order.Place(
            customerId ?? Guid.NewGuid(),
            key ?? Guid.NewGuid().ToString("N"),
            [.. Enumerable.Range(1, lines).Select(i => new OrderLine(Guid.CreateVersion7(), $"Product {i}", 10_000m * i, i))],
            OrderCode.New(),
            at);
    }
}
