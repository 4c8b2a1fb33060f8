using System.Diagnostics;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Grpc;
using Shop.Orders.Ordering;
using Shop.ServiceDefaults;
using Shop.Testing.Hosting;

namespace Shop.Bench.Live;

/// <summary>
/// Live tracking at scale: N customers, each signed in on a WebSocket of their own to the gateway
/// (every limit on, as deployed), each watching their own order with orderStatusChanged, while the
/// orders move along their lifecycle at a steady rate through orders' internal gRPC, as the
/// orchestrator moves them. Prints delivery latency (transition call to receipt), events lost,
/// repeated or out of order (expected: every stored change after the placement, read back from
/// the orders database), the CPU the gateway and orders used, and their resident memory per subscriber.
/// Each subscriber count runs on a fresh platform.
/// </summary>
public static class LiveBenchmark
{
    // The gateway as deployed: no limit raised. Subscribers are signed in, so the per-address limits
    // (the anonymous rate limit, anonymous subscription caps) never see them, and each customer holds
    // one subscription on one socket, far under the per-user and per-connection caps.
    private static readonly Dictionary<string, string> GatewayEnvironment = new() { ["LOG_LEVEL"] = "error" };

    // Access tokens live 15 minutes; a run that has not finished by then would see its subscriptions
    // ended for expiry, which is not what it measures.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(14);

    private const int ConnectParallelism = 32;

    // Customers of their own that go through the whole lifecycle at the run's rate before it is
    // measured (1,000 transitions), so that the measured run finds the gateway's and orders' paths
    // compiled and optimized, as a deployed platform's are, not only one order's four changes.
    private const int WarmUpCustomers = 250;

    // An event still missing this long after the last one arrived is counted as lost.
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchOptions options)
    {
        var rate = options.Rate ?? 200;
        var seconds = options.Seconds ?? 30;
        if (rate <= 0 || seconds <= 0)
        {
            throw new ArgumentException("--rate and --seconds must be positive.");
        }

        foreach (var subscribers in options.Subscribers.Count > 0 ? options.Subscribers : [5000])
        {
            await RunOnceAsync(subscribers, rate, seconds);
        }
    }

    private static async Task RunOnceAsync(int count, int rate, int seconds)
    {
        // At most four changes per order after its placement: fewer subscribers than that allows shorten the run.
        var total = (int)Math.Min((long)rate * seconds, (long)count * TransitionDriver.Steps.Length);
        Console.WriteLine($"-- {count:N0} subscribers, each a customer watching their own order through the gateway; {total:N0} transitions at {rate:N0}/s ({total / (double)rate:N1} s); load average {ProcessStats.LoadAverage()}");
        using var runLimit = new CancellationTokenSource(RunLimit);
        var token = runLimit.Token;
        var setUp = Stopwatch.StartNew();
        await using var platform = await LivePlatform.StartAsync(GatewayEnvironment);
        int[] pids = [platform.Gateway.ProcessId, platform.Orders.ProcessId];
        var customers = await LiveCustomers.SeedAsync(platform, count + WarmUpCustomers, token);
        var watchers = customers.Take(count).ToList();
        Console.WriteLine($"   platform started and {count + WarmUpCustomers:N0} customers with an order each seeded in {setUp.Elapsed.TotalSeconds:N1} s");

        using var channel = GrpcChannel.ForAddress(platform.Orders.GrpcAddress, new GrpcChannelOptions { HttpHandler = TestServiceHost.CreateGrpcHandler(ShopServices.Orchestrator) });
        var orders = new OrdersService.OrdersServiceClient(channel);
        await WarmUpAsync(platform, orders, customers.Skip(count).ToList(), rate, token);
        await ProcessStats.WaitQuietAsync(pids, TimeSpan.FromSeconds(30));
        var idle = pids.Select(ProcessStats.ResidentBytes).ToArray();

        long delivered = 0;
        using var stop = new CancellationTokenSource();
        var subscribing = Stopwatch.StartNew();
        var (subscribers, readers) = await SubscribeAllAsync(platform, watchers, () => Interlocked.Increment(ref delivered), stop.Token, token);
        var subscribed = subscribing.Elapsed;
        var settled = await ProcessStats.WaitQuietAsync(pids, TimeSpan.FromSeconds(120));
        Console.WriteLine($"   subscribed in {subscribed.TotalSeconds:N1} s ({count / subscribed.TotalSeconds:N0}/s, {ConnectParallelism} at a time); {(settled ? "gateway and orders idle" : "still busy")} {subscribing.Elapsed.TotalSeconds:N1} s after the first");
        var loaded = pids.Select(ProcessStats.ResidentBytes).ToArray();

        var driver = new TransitionDriver(orders, watchers);
        var cpuBefore = pids.Select(ProcessStats.CpuTime).ToArray();
        // This process receives the events: its own collections delay receipts as the services' would.
        var ownPauseBefore = GC.GetTotalPauseDuration();
        int[] ownCollectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var driving = Stopwatch.StartNew();
        var offered = await driver.RunAsync(rate, total, token);
        // What was stored (a call that missed its deadline may have stored its change all the same) is what is due.
        var due = (await ReadStoredAsync(platform, watchers, token)).Values.Sum(count => count - 1L);
        await DrainAsync(() => Interlocked.Read(ref delivered), due, token);
        var busy = pids.Select((pid, i) => (ProcessStats.CpuTime(pid) - cpuBefore[i]) / driving.Elapsed).ToArray();
        var ownPause = GC.GetTotalPauseDuration() - ownPauseBefore;
        var ownCollections = ownCollectionsBefore.Select((before, generation) => GC.CollectionCount(generation) - before).ToArray();
        var atEnd = pids.Select(ProcessStats.ResidentBytes).ToArray();

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        var report = DeliveryReport.Compute(subscribers, await ReadStoredAsync(platform, watchers, token), driver);
        var calls = driver.CallMilliseconds();
        var ended = subscribers.Where(s => s.Ended is not null).ToList();

        Console.WriteLine($"   transitions: {report.Expected:N0} stored, offered in {offered.TotalSeconds:N1} s ({total / offered.TotalSeconds:N0}/s); Transition call p50 {Percentiles.Of(calls, 50):N1} ms  p99 {Percentiles.Of(calls, 99):N1} ms; {driver.Retries} retried, {driver.Failures.Count} failed{(driver.Failures.Count > 0 ? $" (first: {driver.Failures[0]})" : string.Empty)}");
        Console.WriteLine($"   delivery latency, transition call → client receipt: p50 {report.Percentile(50):N1} ms  p99 {report.Percentile(99):N1} ms  max {report.Max:N1} ms");
        Console.WriteLine($"   by 5 s of the run, p99 / max: {string.Join(", ", report.ByWindow(TimeSpan.FromSeconds(5)).Select(w => $"{w.P99:N0}/{w.Max:N0}"))} ms");
        Console.WriteLine($"   events: {report.Expected:N0} expected, {report.Received:N0} received; lost (none came for {DrainPatience.TotalSeconds:N0} s) {report.Lost}, duplicates {report.Duplicates}, out of order {report.OutOfOrder}, unexpected {report.Unexpected}; subscriptions ended early {ended.Count}{(ended.Count > 0 ? $" (first: {ended[0].Ended})" : string.Empty)}");
        Console.WriteLine($"   CPU while transitions ran: gateway {busy[0]:P0} of a core, orders {busy[1]:P0}; load average {ProcessStats.LoadAverage()}");
        Console.WriteLine($"   this process (the subscribers' clients, users, products, payments) meanwhile: GC pauses {ownPause.TotalMilliseconds:N0} ms in all; collections gen0 {ownCollections[0]}, gen1 {ownCollections[1]}, gen2 {ownCollections[2]}");
        string[] names = ["gateway", "orders "];
        for (var i = 0; i < pids.Length; i++)
        {
            Console.WriteLine($"   RSS {names[i]}: {Megabytes(idle[i])} before subscribers, {Megabytes(loaded[i])} with them ({(loaded[i] - idle[i]) / 1024.0 / count:N1} KB per subscriber), {Megabytes(atEnd[i])} after the transitions");
        }

        foreach (var subscriber in subscribers)
        {
            await subscriber.DisposeAsync();
        }
    }

    /// <summary>
    /// The warm-up customers subscribe and see their orders through the whole lifecycle at the run's
    /// rate, then leave, so both processes have compiled that path before memory and latency are read.
    /// </summary>
    private static async Task WarmUpAsync(LivePlatform platform, OrdersService.OrdersServiceClient orders, List<LiveCustomer> customers, int rate, CancellationToken cancellationToken)
    {
        long received = 0;
        using var stop = new CancellationTokenSource();
        var (subscribers, readers) = await SubscribeAllAsync(platform, customers, () => Interlocked.Increment(ref received), stop.Token, cancellationToken);

        var expected = customers.Count * TransitionDriver.Steps.Length;
        var driver = new TransitionDriver(orders, customers, attempts: 5);
        await driver.RunAsync(rate, expected, cancellationToken);
        await DrainAsync(() => Interlocked.Read(ref received), expected, cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        foreach (var subscriber in subscribers)
        {
            await subscriber.DisposeAsync();
        }

        if (received != expected || driver.Failures.Count > 0)
        {
            var ended = subscribers.FirstOrDefault(subscriber => subscriber.Ended is not null)?.Ended;
            throw new InvalidOperationException($"The warm-up customers got {received} of {expected} events ({ended ?? string.Join("; ", driver.Failures)}).\n{platform.Gateway.RecentOutput}\n{platform.Orders.RecentOutput}");
        }
    }

    /// <summary>
    /// Each customer subscribes on a socket of their own, <see cref="ConnectParallelism"/> at a time,
    /// and is read until <paramref name="stopReading"/>; every event received calls <paramref name="onEvent"/>.
    /// </summary>
    private static async Task<(LiveSubscriber[] Subscribers, Task[] Readers)> SubscribeAllAsync(
        LivePlatform platform, List<LiveCustomer> customers, Action onEvent, CancellationToken stopReading, CancellationToken cancellationToken)
    {
        var subscribers = new LiveSubscriber[customers.Count];
        var readers = new Task[customers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Count), new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            subscribers[i] = await LiveSubscriber.SubscribeAsync(platform.Gateway.WebSocketAddress, customers[i], onEvent, token);
            readers[i] = subscribers[i].ReadAsync(stopReading);
        });
        return (subscribers, readers);
    }

    /// <summary>Waits until <paramref name="expected"/> events have arrived, or until none arrived for <see cref="DrainPatience"/>.</summary>
    private static async Task DrainAsync(Func<long> received, long expected, CancellationToken cancellationToken)
    {
        var last = received();
        var quiet = Stopwatch.StartNew();
        while (received() < expected && quiet.Elapsed < DrainPatience)
        {
            await Task.Delay(10, cancellationToken);
            if (received() != last)
            {
                last = received();
                quiet.Restart();
            }
        }
    }

    /// <summary>Per order, how many changes its stored history holds: what the subscribers should have had.</summary>
    private static async Task<Dictionary<Guid, int>> ReadStoredAsync(LivePlatform platform, List<LiveCustomer> customers, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<Guid, int>();
        await platform.WithOrdersServicesAsync(async services =>
        {
            var repository = services.GetRequiredService<IOrderRepository>();
            foreach (var chunk in customers.Select(c => c.OrderId).Chunk(500))
            {
                foreach (var order in await repository.GetManyAsync(chunk, cancellationToken))
                {
                    stored[order.Id] = order.History.Count;
                }
            }
        });
        return stored;
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
}
