using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Shop.Bench.Orders;

/// <summary>
/// placeOrder over HTTP: each request a new order of one to three demo products, priced over gRPC
/// by the products service, stored in PostgreSQL. Customers are spread over 200 accounts.
/// </summary>
public static class PlaceOrderBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        await using var bench = await OrdersBench.StartAsync(withProducts: true);
        var products = await bench.ProductIdsAsync();
        var tokens = Enumerable.Range(0, 200).Select(_ => bench.Tokens.Customer()).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = bench.Orders.HttpAddress };
        const string Mutation = "mutation ($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id code total { amount } } errors { code } } }";

        async Task<bool> PlaceAsync(int n)
        {
            var items = Enumerable.Range(0, 1 + (n % 3)).Select(k => new { productId = products[(n * 7 + k * 13) % products.Count], quantity = 1 + (k % 2) });
            var body = JsonSerializer.Serialize(new { query = Mutation, variables = new { i = new { items, idempotencyKey = $"bench-{Guid.NewGuid():N}" } } });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[n % tokens.Length]);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && text.Contains("\"errors\":[]", StringComparison.Ordinal);
        }

        var result = await LoadRunner.RunAsync("placeOrder, 1-3 lines, priced over gRPC", PlaceAsync, options.Concurrency, options.Duration, options.Warmup);
        Console.WriteLine(result);
        Console.WriteLine($"  latency p90 {result.Percentile(90):N2} ms  p99.9 {result.Percentile(99.9):N2} ms");
    }
}
