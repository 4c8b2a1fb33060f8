using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Products;
using Shop.Products.Data;
using Shop.Products.Grpc;
using Shop.Products.Inventory;
using Shop.ServiceDefaults;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;

namespace Shop.Bench.Products;

/// <summary>
/// The products service on the demo catalog: catalog pages over HTTP against the same SQL sent by
/// hand (<see cref="PageBenchmark"/>), and inventory reservations over gRPC, each a new order.
/// </summary>
public static class ProductsBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        var recorder = new SqlRecorder();
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await using var host = await TestServiceHost.StartAsync(
                builder =>
                {
                    builder.AddProducts();
                    builder.Services.ConfigureDbContext<ProductsDbContext>(db => db.AddInterceptors(recorder));
                },
                app => app.MapProducts(),
                new Dictionary<string, string?>
                {
                    ["ConnectionStrings:products"] = database.ConnectionString,
                    ["Shop:Products:SeedDemoCatalog"] = "true",
                    ["Logging:LogLevel:Default"] = "Error",
                    // EF Core logs its probe for the migrations table of a new database as an error.
                    ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
                    ["Shop:Tls:Disabled"] = options.PlainGrpc ? "true" : "false",
                },
                identity: ShopServices.Products);
            var productIds = await PrepareStockAsync(host);
            Console.WriteLine($"internal gRPC: {(options.PlainGrpc ? "plain HTTP/2 (--plain-grpc)" : "mutual TLS")}");
            await PageBenchmark.RunAsync(host, recorder, options);
            Console.WriteLine(await ReserveAsync(host, options, "gRPC Reserve  2 lines of 50 products", order =>
                [productIds[order % productIds.Count], productIds[(order * 7 + 3) % productIds.Count]]));
            Console.WriteLine(await ReserveAsync(host, options, "gRPC Reserve  1 line, one hot product", _ => [productIds[0]]));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Enough stock that no reservation is refused during the run.</summary>
    private static async Task<List<Guid>> PrepareStockAsync(TestServiceHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<ProductsDbContext>().Products.Select(p => p.Id).ToListAsync();
        var inventory = scope.ServiceProvider.GetRequiredService<InventoryLedger>();
        foreach (var id in ids)
        {
            await inventory.SetStockAsync(id, 100_000_000, "Benchmark stock", null, CancellationToken.None);
        }

        return ids;
    }

    private static async Task<LoadRunner.Result> ReserveAsync(TestServiceHost host, BenchOptions options, string name, Func<int, Guid[]> linesOf)
    {
        // The orchestrator's certificate over mutual TLS, unless the run is --plain-grpc.
        var client = new InventoryService.InventoryServiceClient(host.GrpcChannel(ShopServices.Orchestrator));
        return await LoadRunner.RunAsync(name, async order =>
        {
            var request = new ReserveRequest { OrderId = Guid.NewGuid().ToString() };
            request.Lines.AddRange(linesOf(order).Select(id => new Shop.Products.Grpc.ReservationLine { ProductId = id.ToString(), Quantity = 1 }));
            try
            {
                var reply = await client.ReserveAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
                return reply.State == Shop.Products.Grpc.ReservationState.Held;
            }
            catch (RpcException)
            {
                return false;
            }
        }, options.Concurrency, options.Duration, options.Warmup);
    }
}
