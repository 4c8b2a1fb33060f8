using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Shop.Testing.Platform;

namespace Shop.Bench.Gateway;

/// <summary>
/// What the gateway costs, with its limits on as deployed (the rate limiter counts every request,
/// its maximum only set out of reach): the catalog page, anonymous, sent straight to the products
/// subgraph and through the gateway with each query planner (JavaScript, Rust), then a signed-in
/// order read that crosses the subgraphs (order → items → product, customer → user, payment)
/// through each planner. Both gateways serve the same subgraphs side by side in one run. Every
/// catalog request carries its own variables, so the gateway cannot merge identical in-flight
/// requests into one fetch.
/// </summary>
public static class GatewayBenchmark
{
    private const string CatalogPage = "query ($first: Int!, $min: String) { products(first: $first, where: { minPrice: $min }) { totalCount edges { node { id name price { amount } } } } }";

    private const string OrderRead = "query ($id: ID!) { order(id: $id) { code status total { amount } customer { id email firstName } items { quantity productName lineTotal { amount } product { id name sku price { amount } } } payment { status } } }";

    // A gateway's first thousands of requests run before V8 has optimized the code they take (one
    // run: 3.5 ms of CPU per catalog request at one client without a warm-up, 1.2 ms after 15 s of
    // it). A deployed gateway is warm, so each target gets this much one-client load first.
    private static readonly TimeSpan OneClientWarmup = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string> Limits = new()
    {
        ["RATE_LIMIT_ANONYMOUS_MAX"] = "1000000000",
        ["RATE_LIMIT_USER_MAX"] = "1000000000",
        ["LOG_LEVEL"] = "error",
    };

    public static async Task RunAsync(BenchOptions options)
    {
        await using var platform = await ShopPlatform.StartAsync(new Dictionary<string, string>(Limits) { ["GATEWAY_QUERY_PLANNER"] = "js" });
        await using var rust = await GatewayProcess.StartAsync(new Dictionary<string, string>(Limits)
        {
            ["GATEWAY_QUERY_PLANNER"] = "rust",
            ["JWKS_URL"] = new Uri(platform.Users.HttpAddress, "/.well-known/jwks.json").ToString(),
            ["SUBGRAPH_USERS_URL"] = platform.Users.GraphQLAddress.ToString(),
            ["SUBGRAPH_PRODUCTS_URL"] = platform.Products.GraphQLAddress.ToString(),
            ["SUBGRAPH_ORDERS_URL"] = platform.Orders.GraphQLAddress.ToString(),
            ["SUBGRAPH_PAYMENTS_URL"] = platform.Payments.GraphQLAddress.ToString(),
        });
        var (token, orderId) = await PlaceOrderAsync(platform);

        await WarmUpAsync(platform.Products.HttpAddress, Catalog, null);
        await WarmUpAsync(platform.Gateway.Address, Catalog, null);
        await WarmUpAsync(rust.Address, Catalog, null);

        // One client shows the gateway's own cost per request; more show how both behave when the
        // two cores are saturated (the load generator shares them).
        foreach (var clients in new[] { 1, 4, options.Concurrency })
        {
            var run = options with { Concurrency = clients };
            var direct = await RunAsync($"{clients,2} clients, catalog page direct to products", platform.Products.HttpAddress, Catalog, null, run, null);
            var js = await RunAsync($"{clients,2} clients, catalog page, gateway js planner", platform.Gateway.Address, Catalog, null, run, platform.Gateway.ProcessId);
            var rs = await RunAsync($"{clients,2} clients, catalog page, gateway rust planner", rust.Address, Catalog, null, run, rust.ProcessId);
            Console.WriteLine(direct);
            Console.WriteLine(js);
            Console.WriteLine(rs);
            Console.WriteLine($"   js planner:   gateway / direct throughput {js.PerSecond / direct.PerSecond:P0}; p50 latency added {js.Percentile(50) - direct.Percentile(50):N2} ms");
            Console.WriteLine($"   rust planner: gateway / direct throughput {rs.PerSecond / direct.PerSecond:P0}; p50 latency added {rs.Percentile(50) - direct.Percentile(50):N2} ms");
        }

        var orderBody = JsonSerializer.Serialize(new { query = OrderRead, variables = new { id = orderId } });
        string Order(int _) => orderBody;
        await WarmUpAsync(platform.Gateway.Address, Order, token);
        await WarmUpAsync(rust.Address, Order, token);
        foreach (var clients in new[] { 1, options.Concurrency })
        {
            var run = options with { Concurrency = clients };
            var js = await RunAsync($"{clients,2} clients, order read, gateway js planner", platform.Gateway.Address, Order, token, run, platform.Gateway.ProcessId);
            var rs = await RunAsync($"{clients,2} clients, order read, gateway rust planner", rust.Address, Order, token, run, rust.ProcessId);
            Console.WriteLine(js);
            Console.WriteLine(rs);
            Console.WriteLine($"   rust / js planner throughput {rs.PerSecond / js.PerSecond:P0}; p50 {rs.Percentile(50) - js.Percentile(50):+0.00;-0.00} ms");
        }
    }

    private static string Catalog(int n)
        => JsonSerializer.Serialize(new { query = CatalogPage, variables = new { first = 5 + (n % 10), min = (n % 50_000).ToString(CultureInfo.InvariantCulture) } });

    /// <summary>A customer registers, signs in and orders two products through the gateway.</summary>
    private static async Task<(string Token, string OrderId)> PlaceOrderAsync(ShopPlatform platform)
    {
        var email = $"bench.{Guid.NewGuid():N}@bench.test";
        const string Password = "Correct-Horse-Battery-9";
        var client = platform.Client();
        (await client.PostAsync(
            "mutation ($i: RegisterInput!) { register(input: $i) { user { id } errors { code message } } }",
            new { i = new { email, password = Password, firstName = "Bench", lastName = "Nguyễn" } })).EnsureNoErrors();
        var login = await client.PostAsync(
            "mutation ($i: LoginInput!) { login(input: $i) { accessToken errors { code } } }",
            new { i = new { email, password = Password } });
        var token = login.EnsureNoErrors().Data.GetProperty("login").GetProperty("accessToken").GetString()!;

        var catalog = await client.PostAsync("{ products(first: 2, where: { inStock: true }) { edges { node { id } } } }");
        var items = catalog.EnsureNoErrors().Data.GetProperty("products").GetProperty("edges").EnumerateArray()
            .Select(edge => new { productId = edge.GetProperty("node").GetProperty("id").GetString(), quantity = 1 }).ToArray();
        var placed = await platform.Client(token).PostAsync(
            "mutation ($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } errors { code message } } }",
            new { i = new { items, idempotencyKey = Guid.NewGuid().ToString("N") } });
        return (token, placed.EnsureNoErrors().Data.GetProperty("placeOrder").GetProperty("order").GetProperty("id").GetString()!);
    }

    private static Task WarmUpAsync(Uri address, Func<int, string> body, string? token)
        => RunAsync("warm-up", address, body, token, new BenchOptions(1, OneClientWarmup, TimeSpan.Zero), gatewayProcess: null);

    private static async Task<LoadRunner.Result> RunAsync(string name, Uri address, Func<int, string> body, string? token, BenchOptions options, int? gatewayProcess)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = address };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await LoadRunner.RunAsync(name, async n =>
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body(n)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/graphql", content);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal);
        }, options.Concurrency, options.Duration, options.Warmup, gatewayProcess is { } id ? (id, "gateway") : null);
    }
}
