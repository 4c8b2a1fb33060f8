using System.Diagnostics;

namespace Shop.Bench.Live;

/// <summary>
/// What the subscribers got against what was stored, order by order and sequence by sequence: every
/// change after the placement (sequence 2 up to the order's stored history) is expected exactly once
/// and in order. Latency runs from the start of the Transition call that stored a change to the
/// subscriber's receipt of it.
/// </summary>
/// <param name="Timeline">Each latency with when its Transition call started (a Stopwatch timestamp), in call order.</param>
internal sealed record DeliveryReport(long Expected, long Received, long Lost, long Duplicates, long OutOfOrder, long Unexpected, (long StartedAt, double LatencyMs)[] Timeline)
{
    private readonly double[] _sorted = [.. Timeline.Select(sample => sample.LatencyMs).Order()];

    public double Percentile(double p) => Percentiles.Of(_sorted, p);

    public double Max => _sorted.Length == 0 ? 0 : _sorted[^1];

    /// <summary>
    /// The run cut into windows of <paramref name="window"/> by when the calls started, with each
    /// window's p99 and max: shows whether the tail is the first seconds, a few stalls or everywhere.
    /// </summary>
    public IEnumerable<(double P99, double Max, int Count)> ByWindow(TimeSpan window)
    {
        if (Timeline.Length == 0)
        {
            yield break;
        }

        var width = (long)(window.TotalSeconds * Stopwatch.Frequency);
        foreach (var group in Timeline.GroupBy(sample => (sample.StartedAt - Timeline[0].StartedAt) / width).OrderBy(group => group.Key))
        {
            var sorted = group.Select(sample => sample.LatencyMs).Order().ToArray();
            yield return (Percentiles.Of(sorted, 99), sorted[^1], sorted.Length);
        }
    }

    /// <param name="stored">Per order, how many changes its stored history holds (1: only the placement).</param>
    public static DeliveryReport Compute(IReadOnlyList<LiveSubscriber> subscribers, IReadOnlyDictionary<Guid, int> stored, TransitionDriver driver)
    {
        long expected = 0, received = 0, lost = 0, duplicates = 0, outOfOrder = 0, unexpected = 0;
        var timeline = new List<(long, double)>();
        foreach (var subscriber in subscribers)
        {
            var last = stored[subscriber.Customer.OrderId];
            expected += last - 1;
            var seen = new HashSet<int>();
            // The subscription starts after the placement (afterSequence 1).
            var highest = 1;
            foreach (var (sequence, receivedAt) in subscriber.Receipts)
            {
                received++;
                if (!seen.Add(sequence))
                {
                    duplicates++;
                    continue;
                }

                if (sequence < highest)
                {
                    outOfOrder++;
                }

                highest = Math.Max(highest, sequence);
                if (sequence < 2 || sequence > last)
                {
                    unexpected++;
                    continue;
                }

                if (driver.StartedAt(subscriber.Customer.Index, sequence) is var started and > 0)
                {
                    timeline.Add((started, (receivedAt - started) * 1000.0 / Stopwatch.Frequency));
                }
            }

            lost += Enumerable.Range(2, Math.Max(0, last - 1)).Count(sequence => !seen.Contains(sequence));
        }

        timeline.Sort();
        return new DeliveryReport(expected, received, lost, duplicates, outOfOrder, unexpected, [.. timeline]);
    }
}
