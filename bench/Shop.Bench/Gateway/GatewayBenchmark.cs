using System.Net.Http.Headers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Shop.Testing.Platform;

namespace Shop.Bench.Gateway;

/// <summary>
/// What the gateway costs: the same catalog query, anonymous, sent straight to the products subgraph
/// and through the gateway (parse, validate, plan, one subgraph fetch, merge). Every request carries
/// its own variables, so the gateway cannot merge identical in-flight requests into one fetch.
/// </summary>
public static class GatewayBenchmark
{
    private const string CatalogPage = "query ($first: Int!, $min: String) { products(first: $first, where: { minPrice: $min }) { totalCount edges { node { id name price { amount } } } } }";

    public static async Task RunAsync(BenchOptions options)
    {
        await using var platform = await ShopPlatform.StartAsync(new Dictionary<string, string>
        {
            ["RATE_LIMIT_ANONYMOUS_MAX"] = "0",
            ["RATE_LIMIT_USER_MAX"] = "0",
            ["LOG_LEVEL"] = "error",
        });

        // One client shows the gateway's own cost per request; more show how both behave when the
        // two cores are saturated (the load generator shares them).
        foreach (var clients in new[] { 1, 4, options.Concurrency })
        {
            var run = options with { Concurrency = clients };
            var direct = await RunAsync($"{clients,2} clients, catalog page direct to products", platform.Products.HttpAddress, run);
            var gateway = await RunAsync($"{clients,2} clients, catalog page through the gateway", platform.Gateway.Address, run);
            Console.WriteLine(direct);
            Console.WriteLine(gateway);
            Console.WriteLine($"   gateway / direct throughput {gateway.PerSecond / direct.PerSecond:P0}; p50 latency added {gateway.Percentile(50) - direct.Percentile(50):N2} ms");
        }
    }

    private static async Task<LoadRunner.Result> RunAsync(string name, Uri address, BenchOptions options)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = address };
        return await LoadRunner.RunAsync(name, async n =>
        {
            var body = JsonSerializer.Serialize(new { query = CatalogPage, variables = new { first = 5 + (n % 10), min = (n % 50_000).ToString(CultureInfo.InvariantCulture) } });
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/graphql", content);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal);
        }, options.Concurrency, options.Duration, options.Warmup);
    }
}
