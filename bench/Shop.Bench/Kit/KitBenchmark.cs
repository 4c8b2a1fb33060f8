using System.Net.Http.Headers;
using System.Text;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shop.GraphQL;
using Shop.ServiceDefaults;
using Shop.Testing.Hosting;

namespace Shop.Bench.Kit;

/// <summary>
/// The cost of the GraphQL endpoint itself: a trivial query through the full pipeline (parse or
/// cache, validate, execute, serialize) next to a bare Kestrel endpoint returning the same bytes.
/// </summary>
public static class KitBenchmark
{
    private static readonly byte[] Response = """{"data":{"hello":"world"}}"""u8.ToArray();

    public static async Task RunAsync(BenchOptions options)
    {
        await using var host = await TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddServiceDefaults();
                builder.Services.AddShopGraphQL<HelloSchema>();
            },
            app =>
            {
                app.MapServiceDefaults();
                app.MapShopGraphQL();
                app.MapPost("/bare", async context =>
                {
                    context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
                    await context.Response.Body.WriteAsync(Response);
                });
            },
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = host.HttpAddress };
        var body = Encoding.UTF8.GetBytes("""{"query":"{ hello }"}""");

        async Task<bool> PostAsync(string path)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(path, content);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode && bytes.AsSpan().SequenceEqual(Response);
        }

        var graphQL = await LoadRunner.RunAsync("POST /graphql  { hello }", _ => PostAsync("/graphql"), options.Concurrency, options.Duration, options.Warmup);
        var bare = await LoadRunner.RunAsync("POST /bare     same bytes", _ => PostAsync("/bare"), options.Concurrency, options.Duration, options.Warmup);
        Console.WriteLine(graphQL);
        Console.WriteLine(bare);
        Console.WriteLine($"GraphQL endpoint / bare Kestrel throughput: {graphQL.PerSecond / bare.PerSecond:P0}");
    }

    private sealed class HelloSchema : Schema
    {
        public HelloSchema(IServiceProvider services)
            : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<NonNullGraphType<StringGraphType>>("hello").Resolve(_ => "world");
            Query = query;
        }
    }
}
