using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shop.Payments;
using Shop.Payments.Events;
using Shop.Payments.Grpc;
using Shop.ServiceDefaults;
using Shop.Testing;
using Shop.Testing.Hosting;
using Shop.Testing.Postgres;
using Shop.Testing.ZaloPay;

namespace Shop.Bench.Payments;

/// <summary>
/// The payments service over PostgreSQL against the local ZaloPay sandbox: CreatePayment over gRPC
/// (each a new order, so each a ZaloPay create), and verified callbacks, a quarter of them repeats of
/// one already handled, as ZaloPay's retries are.
/// </summary>
public static class PaymentsBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        await using var sandbox = await ZaloPaySandboxHost.StartAsync();
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        var httpPort = FreePort.Next();
        await using var payments = await TestServiceHost.StartAsync(
            builder =>
            {
                builder.AddPayments();
                builder.Services.AddSingleton<IPaymentEvents, AcceptingEvents>();
            },
            app => app.MapPayments(),
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
                ["ConnectionStrings:payments"] = database.ConnectionString,
                ["Shop:Auth:JwksUrl"] = "http://127.0.0.1:1/.well-known/jwks.json",
                ["Shop:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
                ["ZaloPay:BaseUrl"] = sandbox.BaseAddress.ToString(),
                ["ZaloPay:AppId"] = ZaloPaySandboxHost.Merchant.AppId.ToString(CultureInfo.InvariantCulture),
                ["ZaloPay:Key1"] = ZaloPaySandboxHost.Merchant.Key1,
                ["ZaloPay:Key2"] = ZaloPaySandboxHost.Merchant.Key2,
                ["ZaloPay:CallbackUrl"] = $"http://127.0.0.1:{httpPort}/zalopay/callback",
                // Payment news goes to AcceptingEvents, not to a Temporal server some settings file names.
                ["Temporal:Address"] = null,
            },
            identity: ShopServices.Payments);
        var client = new PaymentsService.PaymentsServiceClient(payments.GrpcChannel(ShopServices.Orchestrator));

        async Task<Payment> CreateAsync()
        {
            var orderId = Guid.NewGuid();
            return await client.CreatePaymentAsync(
                new CreatePaymentRequest
                {
                    OrderId = orderId.ToString(),
                    OrderCode = "BENCH-" + orderId.ToString("N")[..8],
                    CustomerId = Guid.NewGuid().ToString(),
                    Amount = 150_000m.ToMoney("VND"),
                    Description = "bench",
                },
                deadline: DateTime.UtcNow.AddSeconds(10));
        }

        async Task<bool> CreateOnceAsync(int n)
        {
            try
            {
                return (await CreateAsync()).Status == PaymentStatus.Pending;
            }
            catch (RpcException)
            {
                return false;
            }
        }

        var create = await LoadRunner.RunAsync("CreatePayment (gRPC → ZaloPay sandbox)", CreateOnceAsync, options.Concurrency, options.Duration, options.Warmup);
        Console.WriteLine(create);

        // Callbacks need payments to pay: enough for the whole run, made before it.
        var pending = new List<Payment>();
        for (var batch = 0; batch < 40; batch++)
        {
            pending.AddRange(await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => CreateAsync())));
        }

        var bodies = pending.Select(Callback).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = payments.HttpAddress };
        var next = -1;

        async Task<bool> CallbackAsync(int n)
        {
            // One in four repeats an earlier callback, as ZaloPay's retries do.
            var index = n % 4 == 3 ? Math.Max(0, Volatile.Read(ref next)) : Interlocked.Increment(ref next);
            using var content = new StringContent(bodies[index % bodies.Length], Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/zalopay/callback", content);
            var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
            return reply.GetProperty("return_code").GetInt32() == 1;
        }

        var callbacks = await LoadRunner.RunAsync("verified callbacks (25% repeats)", CallbackAsync, options.Concurrency, options.Duration, TimeSpan.Zero);
        Console.WriteLine(callbacks);
        Console.WriteLine($"  {Math.Min(next + 1, bodies.Length)} distinct payments recorded PAID of {bodies.Length} prepared");
        await database.DisposeAsync();
    }

    private static string Callback(Payment payment)
    {
        var data = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["app_id"] = ZaloPaySandboxHost.Merchant.AppId,
            ["app_trans_id"] = payment.AppTransId,
            ["app_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["app_user"] = payment.CustomerId,
            ["amount"] = 150_000,
            ["embed_data"] = "{}",
            ["item"] = "[]",
            ["zp_trans_id"] = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999),
            ["server_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        });
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ZaloPaySandboxHost.Merchant.Key2), Encoding.UTF8.GetBytes(data)));
        return JsonSerializer.Serialize(new { data, mac, type = 1 });
    }

    /// <summary>The workflow hears of every payment at once; the figure is the service's own.</summary>
    private sealed class AcceptingEvents : IPaymentEvents
    {
        public Task PublishAsync(PaymentSettled settled, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
