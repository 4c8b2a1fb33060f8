using System.Diagnostics;

namespace Shop.Bench;

/// <summary>Closed-loop load: <c>concurrency</c> workers send back to back for a fixed time.</summary>
public static class LoadRunner
{
    /// <param name="Watched">A process the requests pass through, and the CPU time it used while the figures were taken.</param>
    public sealed record Result(string Name, long Requests, long Failures, TimeSpan Elapsed, double[] LatenciesMs, (string Name, TimeSpan Cpu)? Watched = null)
    {
        public double PerSecond => Requests / Elapsed.TotalSeconds;

        /// <summary>The watched process's CPU time per request, in milliseconds.</summary>
        public double? WatchedCpuPerRequestMs => Watched is { } watched && Requests > 0 ? watched.Cpu.TotalMilliseconds / Requests : null;

        public double Percentile(double p) => Percentiles.Of(LatenciesMs, p);

        public override string ToString()
            => $"{Name,-44} {PerSecond,10:N0} req/s   p50 {Percentile(50),6:N2} ms   p99 {Percentile(99),6:N2} ms   failures {Failures}"
               + (WatchedCpuPerRequestMs is { } cpu ? $"   {Watched!.Value.Name} CPU {cpu:N2} ms/request" : "");
    }

    /// <param name="watched">A process the requests pass through (its id and what to call it), whose CPU time over the measured phase is reported.</param>
    public static async Task<Result> RunAsync(string name, Func<int, Task<bool>> request, int concurrency, TimeSpan duration, TimeSpan warmup, (int Id, string Name)? watched = null)
    {
        await RunLoopAsync(request, concurrency, warmup, record: null);
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            latencies[i] = new List<double>(100_000);
        }

        var cpuBefore = watched is { } before ? ProcessStats.CpuTime(before.Id) : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var failures = await RunLoopAsync(request, concurrency, duration, latencies);
        clock.Stop();
        (string, TimeSpan)? watchedCpu = watched is { } after ? (after.Name, ProcessStats.CpuTime(after.Id) - cpuBefore) : null;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length, failures, clock.Elapsed, all, watchedCpu);
    }

    private static async Task<long> RunLoopAsync(Func<int, Task<bool>> request, int concurrency, TimeSpan duration, List<double>[]? record)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long failures = 0;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var sequence = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await request(worker * 1_000_000 + sequence++);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }

                record?[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        await Task.WhenAll(workers);
        return failures;
    }
}
