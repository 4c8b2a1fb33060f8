using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Events;
using Shop.Orders.Ordering;
using Shop.Testing.Clients;
using Shop.Testing.Platform;

namespace Shop.Bench.Orchestrator;

/// <summary>
/// The whole order saga on a real Temporal server (TEMPORAL_ADDRESS, default 127.0.0.1:7233): each
/// order placed through the gateway, reserved, its ZaloPay payment created, paid on the sandbox as
/// soon as it waits for the money, the callback back through the gateway as a signal, stock
/// committed, COMPLETED. Latency is placement to COMPLETED as the orders service publishes it.
/// </summary>
public static class OrchestratorBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchOptions options)
    {
        var address = TemporalProbe.Address;
        if (!await TemporalProbe.AnswersAsync(address))
        {
            Console.WriteLine($"  skipped: no Temporal server answers at {address} ({TemporalProbe.AddressVariable}); start one with ./shop up or temporal server start-dev");
            return;
        }

        var gateway = new Dictionary<string, string>
        {
            ["RATE_LIMIT_ANONYMOUS_MAX"] = "0",
            ["RATE_LIMIT_USER_MAX"] = "0",
            ["LOG_LEVEL"] = "error",
        };
        await using var platform = await ShopPlatform.StartAsync(gateway, address);
        var admin = await SignInAsync(platform.Client(), ShopPlatform.AdminEmail, ShopPlatform.AdminPassword);
        var productId = await StockedProductAsync(platform.Client(admin));
        var customers = new List<(Guid Id, GraphQLHttpClient Client)>();
        for (var i = 0; i < options.Concurrency; i++)
        {
            customers.Add(await RegisterAsync(platform, i));
        }

        var watch = new OrderWatch();
        var hub = platform.Orders.GetRequiredService<OrderEventHub>();
        var feeds = new List<IDisposable>();
        foreach (var customer in customers)
        {
            feeds.Add((await hub.ForCustomerAsync(customer.Id, default)).Subscribe(watch));
        }

        var toPayment = new List<double>[options.Concurrency];
        for (var i = 0; i < toPayment.Length; i++)
        {
            toPayment[i] = [];
        }

        async Task<bool> OrderToCompletionAsync(int n)
        {
            // LoadRunner numbers requests worker * 1,000,000 + sequence: one customer per worker.
            var worker = n / 1_000_000;
            var customer = customers[worker].Client;
            try
            {
                var started = Stopwatch.GetTimestamp();
                var orderId = await PlaceAsync(customer, productId);
                var progress = watch.For(orderId);
                await progress.AwaitingPayment.Task.WaitAsync(Patience);
                toPayment[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (await AppTransIdAsync(customer, orderId) is { } appTransId)
                {
                    await platform.Sandbox.Control.PayAsync(appTransId);
                }

                var ended = await progress.Ended.Task.WaitAsync(Patience);
                watch.Forget(orderId);
                return ended == OrderStatus.Completed;
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or HttpRequestException or InvalidOperationException or JsonException)
            {
                return false;
            }
        }

        var result = await LoadRunner.RunAsync("placeOrder → COMPLETED (sandbox pays at once)", OrderToCompletionAsync, options.Concurrency, options.Duration, options.Warmup);
        Console.WriteLine(result);
        var waits = toPayment.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"  placement → AWAITING_PAYMENT p50 {Percentiles.Of(waits, 50):N2} ms  p99 {Percentiles.Of(waits, 99):N2} ms (warm-up included); p90 to COMPLETED {result.Percentile(90):N2} ms");
        foreach (var feed in feeds)
        {
            feed.Dispose();
        }
    }

    private static async Task<string> SignInAsync(GraphQLHttpClient client, string email, string password)
    {
        var login = await client.PostAsync(
            "mutation ($i: LoginInput!) { login(input: $i) { accessToken errors { code } } }",
            new { i = new { email, password } });
        return login.EnsureNoErrors().Data.GetProperty("login").GetProperty("accessToken").GetString()!;
    }

    /// <summary>A product of the benchmark's own with stock that no run exhausts: no order is rejected.</summary>
    private static async Task<string> StockedProductAsync(GraphQLHttpClient admin)
    {
        var created = await admin.PostAsync(
            "mutation ($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { code } } }",
            new { i = new { sku = "BENCH-" + Guid.NewGuid().ToString("N")[..12], name = "Bench lamp", price = "129000" } });
        var id = created.EnsureNoErrors().Data.GetProperty("createProduct").GetProperty("product").GetProperty("id").GetString()!;
        await admin.PostAsync(
            "mutation ($i: SetStockInput!) { setStock(input: $i) { errors { code } } }",
            new { i = new { productId = id, total = 1_000_000, reason = "Bench delivery" } });
        return id;
    }

    private static async Task<(Guid Id, GraphQLHttpClient Client)> RegisterAsync(ShopPlatform platform, int n)
    {
        var email = $"bench{n}.{Guid.NewGuid():N}@bench.test";
        const string Password = "Correct-Horse-Battery-9";
        var registered = await platform.Client().PostAsync(
            "mutation ($i: RegisterInput!) { register(input: $i) { user { id } errors { code } } }",
            new { i = new { email, password = Password, firstName = "Bench", lastName = "Nguyễn" } });
        var id = Guid.Parse(registered.EnsureNoErrors().Data.GetProperty("register").GetProperty("user").GetProperty("id").GetString()!);
        return (id, platform.Client(await SignInAsync(platform.Client(), email, Password)));
    }

    private static async Task<Guid> PlaceAsync(GraphQLHttpClient customer, string productId)
    {
        var placed = await customer.PostAsync(
            "mutation ($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } errors { code } } }",
            new { i = new { items = new[] { new { productId, quantity = 1 } }, idempotencyKey = Guid.NewGuid().ToString("N") } });
        return Guid.Parse(placed.EnsureNoErrors().Data.GetProperty("placeOrder").GetProperty("order").GetProperty("id").GetString()!);
    }

    /// <summary>The payment's ZaloPay id as the storefront reads it; null when the order ended without one.</summary>
    private static async Task<string?> AppTransIdAsync(GraphQLHttpClient customer, Guid orderId)
    {
        var read = await customer.PostAsync("query ($id: ID!) { order(id: $id) { payment { appTransId } } }", new { id = orderId });
        var payment = read.EnsureNoErrors().Data.GetProperty("order").GetProperty("payment");
        return payment.ValueKind == JsonValueKind.Object ? payment.GetProperty("appTransId").GetString() : null;
    }
}
