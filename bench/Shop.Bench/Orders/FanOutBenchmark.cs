using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Grpc;
using Shop.ServiceDefaults;
using Shop.Testing.Clients;

namespace Shop.Bench.Orders;

/// <summary>
/// Subscription fan-out: N WebSocket subscribers watch one customer's orders (myOrderUpdates) while
/// transitions are stored over gRPC; every stored transition goes through PostgreSQL NOTIFY, is read
/// once, and is delivered to all N. Delivery latency is receive time minus the transition's time.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine("paced: transitions offered at a rate the machine keeps up with; saturated: as fast as 4 writers go");
        foreach (var subscribers in new[] { 10, 100, 500 })
        {
            await RunOnceAsync(subscribers, transitionsPerSecond: Math.Max(2, 2000 / subscribers), options);
            await RunOnceAsync(subscribers, transitionsPerSecond: null, options);
        }
    }

    private static async Task RunOnceAsync(int subscriberCount, int? transitionsPerSecond, BenchOptions options)
    {
        await using var bench = await OrdersBench.StartAsync();
        var customer = Guid.NewGuid();
        var token = bench.Tokens.Customer(customer);

        var orderIds = new List<Guid>();
        await using (var scope = bench.Orders.Services.CreateAsyncScope())
        {
            var repository = scope.ServiceProvider.GetRequiredService<Shop.Orders.Ordering.IOrderRepository>();
            for (var i = 0; i < 400; i++)
            {
                var order = Shop.Orders.Ordering.Order.Place(customer, $"bench-{i}", [new Shop.Orders.Ordering.OrderLine(Guid.NewGuid(), "Bench item", 10_000m, 1)], Shop.Orders.Ordering.OrderCode.New(), DateTimeOffset.UtcNow);
                orderIds.Add((await repository.AddAsync(order, default)).Id);
            }
        }

        var latencies = new List<double>();
        long delivered = 0;
        var clients = new List<GraphQLWsClient>();
        var readers = new List<Task>();
        using var stop = new CancellationTokenSource();
        for (var i = 0; i < subscriberCount; i++)
        {
            var client = await GraphQLWsClient.ConnectAsync(bench.Orders.WebSocketAddress);
            await client.InitAsync(new { Authorization = "Bearer " + token });
            await client.SubscribeAsync("updates", "subscription { myOrderUpdates { at } }");
            clients.Add(client);
            readers.Add(Task.Run(async () =>
            {
                var mine = new List<double>();
                try
                {
                    while (!stop.IsCancellationRequested && await client.ReceiveAsync(TimeSpan.FromSeconds(30)) is { } message)
                    {
                        var at = message.GetProperty("payload").GetProperty("data").GetProperty("myOrderUpdates").GetProperty("at").GetDateTimeOffset();
                        mine.Add((DateTimeOffset.UtcNow - at).TotalMilliseconds);
                        Interlocked.Increment(ref delivered);
                    }
                }
                catch (Exception exception) when (exception is OperationCanceledException or System.Net.WebSockets.WebSocketException or JsonException)
                {
                }

                lock (latencies)
                {
                    latencies.AddRange(mine);
                }
            }));
        }

        await Task.Delay(500);
        var grpc = new OrdersService.OrdersServiceClient(bench.Orders.GrpcChannel(ShopServices.Orchestrator));
        var steps = new[] { OrderStatus.Reserved, OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Completed };
        var transitions = 0;
        var clock = Stopwatch.StartNew();
        if (transitionsPerSecond is { } rate)
        {
            // One writer, on a fixed schedule, moving orders one step at a time.
            var interval = TimeSpan.FromSeconds(1.0 / rate);
            foreach (var (id, to) in orderIds.SelectMany(id => steps.Select(to => (id, to))))
            {
                if (clock.Elapsed > options.Duration)
                {
                    break;
                }

                var due = interval * transitions;
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                await grpc.TransitionAsync(new TransitionRequest { OrderId = id.ToString(), To = to, Reason = "bench" });
                transitions++;
            }
        }
        else
        {
            await Parallel.ForEachAsync(orderIds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, _) =>
            {
                foreach (var to in steps)
                {
                    if (clock.Elapsed > options.Duration)
                    {
                        return;
                    }

                    await grpc.TransitionAsync(new TransitionRequest { OrderId = id.ToString(), To = to, Reason = "bench" });
                    Interlocked.Increment(ref transitions);
                }
            });
        }

        var stored = clock.Elapsed;
        var expected = (long)transitions * subscriberCount;
        var deadline = Stopwatch.StartNew();
        while (Interlocked.Read(ref delivered) < expected && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        var drained = clock.Elapsed;
        await stop.CancelAsync();
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        await Task.WhenAll(readers);
        var sorted = latencies.Order().ToArray();
        double P(double p) => Percentiles.Of(sorted, p);
        Console.WriteLine(
            $"{(transitionsPerSecond is null ? "saturated" : "paced"),-9} {subscriberCount,4} subscribers: {transitions / stored.TotalSeconds,7:N0} transitions/s stored, " +
            $"{delivered / drained.TotalSeconds,9:N0} events/s delivered ({delivered:N0} of {expected:N0}), " +
            $"delivery latency p50 {P(50),6:N1} ms  p99 {P(99),7:N1} ms");
    }
}
