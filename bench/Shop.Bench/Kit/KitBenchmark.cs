using System.Net.Http.Headers;
using System.Text;
using GraphQL.DI;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shop.GraphQL;
using Shop.GraphQL.Execution;
using Shop.ServiceDefaults;
using Shop.Testing.Hosting;

namespace Shop.Bench.Kit;

/// <summary>
/// The cost of the GraphQL endpoint itself: a trivial query through the full pipeline (parse or
/// cache, validate, execute, serialize), the same from the cache with variables, and a bare
/// Kestrel endpoint returning the same bytes.
/// </summary>
public static class KitBenchmark
{
    private const int Rounds = 5;

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
        var cache = host.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();

        async Task<bool> PostAsync(string path, byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(path, content);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode && bytes.AsSpan().SequenceEqual(Response);
        }

        var hello = Encoding.UTF8.GetBytes("""{"query":"{ hello }"}""");
        var withVariables = Encoding.UTF8.GetBytes("""{"query":"query Hello($name: String) { hello(name: $name) }","variables":{"name":"world"}}""");
        (string Name, Func<Task<bool>> Send)[] lines =
        [
            ("POST /graphql  { hello }", () => PostAsync("/graphql", hello)),
            ("POST /graphql  hello(name: $name), cached", () => PostAsync("/graphql", withVariables)),
            ("POST /bare     same bytes", () => PostAsync("/bare", hello)),
        ];

        // Every line is warmed up before any is measured: measured first and cold, the GraphQL line
        // paid for the JIT's tiering of its far larger code path and read about a third of its steady rate.
        foreach (var (_, send) in lines)
        {
            await LoadRunner.RunAsync("warm-up", _ => send(), options.Concurrency, options.Warmup, TimeSpan.Zero);
        }

        // Measured in turns (a slice of each line, Rounds times over) so that the load other
        // processes put on the shared machine falls on every line alike: ratios are within a run.
        var slice = options.Duration / Rounds;
        var slices = lines.Select(_ => new List<LoadRunner.Result>()).ToArray();
        var (hits, lookups) = (new long[lines.Length], new long[lines.Length]);
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var (hitsBefore, missesBefore) = (cache.Hits, cache.Misses);
                var send = lines[i].Send;
                slices[i].Add(await LoadRunner.RunAsync(lines[i].Name, _ => send(), options.Concurrency, slice, TimeSpan.Zero));
                hits[i] += cache.Hits - hitsBefore;
                lookups[i] += cache.Hits - hitsBefore + cache.Misses - missesBefore;
            }
        }

        var results = slices.Select((parts, i) => (
            Result: new LoadRunner.Result(
                lines[i].Name,
                parts.Sum(part => part.Requests),
                parts.Sum(part => part.Failures),
                TimeSpan.FromTicks(parts.Sum(part => part.Elapsed.Ticks)),
                [.. parts.SelectMany(part => part.LatenciesMs).Order()]),
            HitRate: lookups[i] == 0 ? double.NaN : hits[i] / (double)lookups[i])).ToList();

        foreach (var (result, hitRate) in results)
        {
            Console.WriteLine(double.IsNaN(hitRate) ? result.ToString() : $"{result}   document cache hits {hitRate:P1}");
        }

        var bare = results[^1].Result.PerSecond;
        Console.WriteLine($"GraphQL endpoint / bare Kestrel throughput: {{ hello }} {results[0].Result.PerSecond / bare:P0}, cached with variables {results[1].Result.PerSecond / bare:P0}");
    }

    private sealed class HelloSchema : Schema
    {
        public HelloSchema(IServiceProvider services)
            : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<NonNullGraphType<StringGraphType>>("hello")
                .Argument<StringGraphType>("name")
                .Resolve(context => context.GetArgument<string>("name") ?? "world");
            Query = query;
        }
    }
}
